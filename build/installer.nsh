; EcoPark Planner's Windows installer additions (electron-builder includes build/installer.nsh).
;
; .gpkg files belong to QGIS and other GIS tools first: EcoPark registers itself only as an
; alternative handler ("Open with" → EcoPark Planner), never as the default. electron-builder's
; own fileAssociations would write the default value of Software\Classes\.gpkg, taking the
; extension over, so Windows gets this script instead (mac and Linux use fileAssociations with
; rank Alternate in electron-builder.yml).

; ${APP_EXECUTABLE_FILENAME} is the installed .exe: app-builder-lib's templates/nsis/common.nsh
; defines it as "${PRODUCT_FILENAME}.exe", and NsisTarget.js sets PRODUCT_FILENAME to
; appInfo.productFilename, which is win.executableName when set, else the product name
; (app-builder-lib 26.17, AppInfo): "EcoPark Planner.exe", hence the quotes below. SHELL_CONTEXT is NSIS's SHCTX root key: HKCU or
; HKLM as SetShellVarContext says, which electron-builder's multiUser.nsh sets from the per-user or
; per-machine choice. tests/unit/packaging/installer-nsh.test.ts compiles this file with makensis.

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
