; EcoPark Planner's Windows installer additions (electron-builder includes build/installer.nsh).
;
; .gpkg files belong to QGIS and other GIS tools first: EcoPark registers itself only as an
; alternative handler ("Open with" → EcoPark Planner), never as the default. electron-builder's
; own fileAssociations would write the default value of Software\Classes\.gpkg, taking the
; extension over, so Windows gets this script instead (mac and Linux use fileAssociations with
; rank Alternate in electron-builder.yml).

!define ECOPARK_PROGID "EcoParkPlanner.gpkg"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${ECOPARK_PROGID}" "" "EcoPark project (GeoPackage)"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${ECOPARK_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${ECOPARK_PROGID}\shell\open" "" "Open with EcoPark Planner"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${ECOPARK_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  ; Listed under OpenWithProgids only: the extension's default value is left as it was.
  WriteRegNone SHELL_CONTEXT "Software\Classes\.gpkg\OpenWithProgids" "${ECOPARK_PROGID}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".gpkg" ""
  ; SHCNE_ASSOCCHANGED: Explorer refreshes its "Open with" lists.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.gpkg\OpenWithProgids" "${ECOPARK_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${ECOPARK_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
