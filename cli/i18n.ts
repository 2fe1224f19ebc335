/**
 * The CLI's readable output in English and Vietnamese: usage, summaries, tables and error
 * messages. Machine-readable output (--json, CSV, GeoJSON, project files) never goes through
 * here: it stays language-neutral (dot decimals, codes, ISO dates).
 */
import { formatDateTime, formatNumber, formatPercent } from '../shared/format';
import { fillPlaceholders as fill } from '../shared/i18n/fill-placeholders';

export type CliLang = 'en' | 'vi';

export const CLI_LANGS: readonly CliLang[] = ['en', 'vi'];

export const EN = {
  // Help and the command line itself.
  'help.title': 'ecopark — EcoPark Planner on the command line',
  'help.usage': 'Usage:',
  'help.info': 'print the project summary',
  'help.convert': 'convert between project and exchange formats (reads .gpkg .geojson .kml .kmz .shp.zip .dxf; writes those and .csv .xlsx)',
  'help.analyze': 'land-use structure, plot indicators and rule checks',
  'help.solar': 'rooftop-solar potential of every roof',
  'help.report': 'the site report as PDF, spreadsheet or CSV',
  'help.batch': 'analyze many files on every core: one JSON line (default) or, with --csv, one CSV row per file, in the order given; a file that fails gets an error line and the others go on (exit code 1); --jobs N sets the number of worker threads (default: one per core)',
  'batch.command': 'batch runs "analyze", not "{command}" (usage: {usage})',
  'batch.badJobs': '--jobs takes a whole number from 1 to 9999, not "{value}"',
  'batch.jsonOrCsv': 'choose --json or --csv, not both (usage: {usage})',
  'help.help': 'this help',
  'help.version': 'the version',
  'help.options': 'Options for every command:',
  'help.limit': 'raise an input limit for a genuine large file (may be repeated); raisable: {ids}',
  'help.lang': 'language of the readable output (default: $ECOPARK_LANG, else vi when LC_ALL, LC_MESSAGES or LANG starts with "vi", else en)',
  'help.machine': '--json, CSV, GeoJSON and project files are the same in both languages (dot decimals, codes, ISO dates).',
  'help.force': 'convert, report: replace an output file that exists (a .gpkg keeps its previous version as .bak); the input itself is never overwritten',
  'error.noCommand': 'no command given; try: ecopark --help',
  'error.unknownCommand': 'unknown command "{command}"; try: ecopark --help',
  'error.internal': 'internal error: {message}',
  'error.langValue': '--lang must be vi or en, not "{value}"',
  'error.limitValue': '--limit takes ID=N, e.g. --limit vertices-per-feature=2000000, not "{value}"',
  'error.limitUnknown': 'no limit is called "{value}"; ecopark --help lists them',
  'error.limitNotRaisable': 'the limit {value} protects the program and cannot be raised',
  'error.needsValue': '{option} needs a value (usage: {usage})',
  'error.unknownOption': 'unknown option {option} (usage: {usage})',
  'error.oneFile': '{command} takes one file (usage: {usage})',
  'error.twoFiles': '{command} takes two files (usage: {usage})',
  'error.needsFile': '{command} needs a file (usage: {usage})',
  'error.readsProjects': 'cannot read {path}: {command} reads project files (.gpkg)',
  'error.noScenario': 'no scenario "{name}" in {path}; scenarios: {list}',
  'warning': 'warning: {message}',
  // Files.
  'fs.ENOENT': 'no such file',
  'fs.EACCES': 'permission denied',
  'fs.EPERM': 'permission denied',
  'fs.EISDIR': 'is a directory',
  'fs.ENOTDIR': 'a folder in the path is not a directory',
  'fs.EROFS': 'read-only file system',
  'fs.ENOSPC': 'no space left on the device',
  'fs.badPath': 'the path holds a character no file name can contain (a NUL byte)',
  'fs.noFolder': 'its folder does not exist',
  'file.cannotOpen': 'cannot open {path}: {reason}',
  'file.cannotWrite': 'cannot write {path}: {reason}',
  'output.exists': '{path} already exists and was left unchanged; add --force to replace it',
  'output.existsProject': '{path} already exists and was left unchanged; add --force to replace it (the previous version is then kept as {path}.bak)',
  'output.isInput': 'cannot write {output}: it is the input file {input} (the same file under another name or through a link); nothing was written, even with --force — choose another output file',
  'file.cannotImport': 'cannot import {path}: {reason}',
  'file.notJson': 'not valid JSON ({detail})',
  'file.unknownType': 'unknown file type of {path}: use {extensions}',
  'project.not_sqlite': 'not a SQLite database',
  'project.not_geopackage': 'not a GeoPackage',
  'project.foreign_geopackage': 'a GeoPackage, but not an EcoPark Planner project',
  'project.newer_version': 'made by a newer version of EcoPark Planner',
  'project.corrupt': 'the project file is damaged',
  'project.importHint': 'import it with: ecopark convert {path} {out}',
  // info
  'info.project': 'Project',
  'info.province': 'Province',
  'info.formerProvince': '{province} (former province: {former})',
  'info.none': '(none)',
  'info.location': 'Location',
  'info.created': 'Created',
  'info.modified': 'Modified',
  'info.formatVersion': 'Format version',
  'info.scenarios': 'Scenarios',
  'info.activeMark': '{count} (* = active)',
  'info.features': '{name}: {count} features',
  'info.byKind': 'by kind',
  'info.byLandUse': 'by land use',
  'kind.boundary': 'boundary',
  'kind.landuse': 'land-use areas',
  'kind.building': 'buildings',
  'kind.road': 'roads',
  'kind.point': 'facilities',
  // analyze
  'analyze.badDate': '--date must be YYYY-MM-DD, not "{value}"',
  'analyze.unknownRuleSet': 'unknown rule set {ids}; known: {known}',
  'analyze.project': 'Project',
  'analyze.scenario': 'Scenario',
  'analyze.parkArea': 'Park area',
  'analyze.areaMethod': 'geodesic on the WGS84 ellipsoid',
  'analyze.landUse': 'Land use',
  'analyze.areaM2': 'area m²',
  'analyze.unassigned': 'Unassigned',
  'analyze.overlap': 'Overlap (−)',
  'analyze.outside': '(outside the boundary: {area} m², not in the table)',
  'analyze.greenRatio': 'Green space ratio',
  'analyze.totalGreen': 'total green',
  'analyze.isolationMin': 'isolation strip min',
  'analyze.plots': 'Plots: {count} (mean {mean} m², min {min}, max {max})',
  'analyze.roads': 'roads: {length} m, {share} of the park',
  'analyze.rules': 'Rules',
  'analyze.noRules': '(no rule applies)',
  'analyze.override': 'project override',
  'analyze.projectRule': 'project rule',
  // Geometry problems (shared/analysis/problems.ts), on stderr.
  'problems.count': 'scenario "{name}" has {count} geometry problems (the map shows the same):',
  'problems.countOne': 'scenario "{name}" has 1 geometry problem (the map shows the same):',
  'problems.more': '  … and {count} more (ecopark analyze --json lists them all)',
  'analyze.invalidPlots': '* figures of {count} plots come from invalid geometry and cannot be trusted: {codes}',
  'analyze.invalidBoundary': '* the park boundary is invalid geometry: the park area and every share of it cannot be trusted',
  'status.pass': 'PASS',
  'status.fail': 'FAIL',
  'status.warn': 'WARN',
  'status.n/a': 'N/A',
  'confidence.exact': 'exact citation',
  'confidence.secondary': 'secondary source',
  'confidence.unverified': 'unverified',
  // solar
  'solar.weather': 'Weather',
  'solar.roofs': 'Roofs',
  'solar.roofsValue': '{count} (shading traced at {positions} sun positions)',
  'solar.installed': 'Installed',
  'solar.production': 'Production',
  'solar.productionValue': '{mwh} MWh/year ({yield} kWh/kWp)',
  'solar.shading': 'Shading by neighbours',
  'solar.shadingValue': '{total} % of the yield (sun hidden {beam} %, sky hidden {sky} %)',
  'solar.co2': 'CO₂ avoided',
  'solar.co2Value': '{t} t/year',
  'solar.payback': 'Simple payback',
  'solar.paybackValue': '{years} years',
  'solar.never': 'never',
  'solar.lcoe': 'LCOE',
  'solar.badWeather': 'cannot read weather {path}: {reason} ({detail})',
  'weatherReason.unrecognised-format': 'not an EPW or PVGIS hourly file',
  'weatherReason.too-few-rows': 'not a whole year of hourly rows',
  'weatherReason.bad-location': 'no valid latitude and longitude',
  'weatherReason.out-of-range': 'a value outside its physical bounds',
  'weatherReason.duplicate-hour': 'an hour given twice',
  'weatherReason.implausible': 'not a plausible weather year',
  'weatherReason.too-many-rows': 'more hourly rows than a year has',
  'solar.oneProject': 'solar takes one project file (usage: {usage})',
  // report
  'report.needsOutput': 'report needs an output file: -o OUT.pdf, .xlsx or .csv (usage: {usage})',
  'report.badOutput': 'cannot write {path}: the report is written as .pdf, .xlsx or .csv',
  'report.compareCount': '--compare takes 2 to 4 scenarios, not {count}',
  'report.font': 'cannot load the report font from data/fonts: {reason}',
  'report.wrote': 'Wrote {path} ({bytes} bytes)',
  // convert
  'convert.badCrs': 'unknown coordinate system {crs}: use EPSG:4326, EPSG:32648, EPSG:32649, EPSG:3405, EPSG:3406, a VN-2000 zone such as VN2000:105.5 or its EPSG code (EPSG:9209)',
  'convert.tablesExportOnly': 'cannot import {path}: attribute tables (.csv, .xlsx) hold no geometry and are export-only; import .geojson, .kml, .kmz, .shp.zip, .dxf or .gpkg',
  'convert.layerMapJson': 'cannot read the layer map {path}: not valid JSON ({detail})',
  'convert.layerMapShape': 'cannot read the layer map {path}: at {at}: {message} (expected {"layers": {"LAYER": {"kind": "landuse", "landUse": "industrial"}}})',
  'convert.broken_zip': 'the zip archive is damaged',
  'convert.crs_required': 'the coordinate system is needed',
  'convert.unsupported_crs': 'unsupported coordinate system',
  'convert.no_closed_polylines': 'no closed polylines',
  'convert.invalid_dxf': 'not a readable DXF',
  'convert.empty': 'nothing to import',
  'convert.invalid_kml': 'not a readable KML',
  'convert.invalid_shapefile': 'not a readable Shapefile',
  'convert.no_shapefile': 'no Shapefile in the zip',
  'convert.crsHint': 'pass --crs CODE',
  'convert.crsHintGuess': 'pass --crs CODE (e.g. --crs {guess})',
  'convert.nothingImported': 'no feature could be imported',
  'convert.skipped': '({count} skipped by the layer map)',
  'convert.missingLayer': 'the layer map names layer "{name}", which {path} does not have (layers: {layers})',
  'convert.done': '{input} -> {output}: {summary}',
  'convert.summaryWhole': '{scenarios} scenario(s), {features} features',
  'convert.summaryFlat': 'scenario "{name}", {features} features',
  'convert.layers': 'layers',
} as const;

export type CliMessageKey = keyof typeof EN;

export const VI: Record<CliMessageKey, string> = {
  'help.title': 'ecopark — EcoPark Planner trên dòng lệnh',
  'help.usage': 'Cách dùng:',
  'help.info': 'in tóm tắt dự án',
  'help.convert': 'chuyển đổi giữa tệp dự án và các định dạng trao đổi (đọc .gpkg .geojson .kml .kmz .shp.zip .dxf; ghi các định dạng đó và .csv .xlsx)',
  'help.analyze': 'cơ cấu sử dụng đất, chỉ tiêu lô đất và kiểm tra quy định',
  'help.solar': 'tiềm năng điện mặt trời áp mái của từng mái',
  'help.report': 'báo cáo khu dưới dạng PDF, bảng tính hoặc CSV',
  'help.batch': 'phân tích nhiều tệp trên mọi lõi: mỗi tệp một dòng JSON (mặc định) hoặc, với --csv, một hàng CSV, theo thứ tự đã cho; tệp lỗi có một dòng báo lỗi và các tệp khác vẫn chạy tiếp (mã thoát 1); --jobs N đặt số luồng xử lý (mặc định: mỗi lõi một luồng)',
  'batch.command': 'batch chạy "analyze", không phải "{command}" (cách dùng: {usage})',
  'batch.badJobs': '--jobs nhận một số nguyên từ 1 đến 9999, không phải "{value}"',
  'batch.jsonOrCsv': 'chọn --json hoặc --csv, không chọn cả hai (cách dùng: {usage})',
  'help.help': 'trợ giúp này',
  'help.version': 'phiên bản',
  'help.options': 'Tùy chọn cho mọi lệnh:',
  'help.limit': 'nâng một giới hạn đầu vào cho một tệp lớn thật (có thể lặp lại); có thể nâng: {ids}',
  'help.lang': 'ngôn ngữ của kết quả dạng đọc (mặc định: $ECOPARK_LANG, nếu không thì vi khi LC_ALL, LC_MESSAGES hoặc LANG bắt đầu bằng "vi", còn lại là en)',
  'help.machine': '--json, CSV, GeoJSON và tệp dự án giống nhau ở cả hai ngôn ngữ (dấu chấm thập phân, mã, ngày ISO).',
  'help.force': 'convert, report: thay thế tệp kết quả đã tồn tại (tệp .gpkg giữ phiên bản trước ở .bak); không bao giờ ghi đè lên chính tệp đầu vào',
  'error.noCommand': 'chưa có lệnh; xem: ecopark --help',
  'error.unknownCommand': 'không có lệnh "{command}"; xem: ecopark --help',
  'error.internal': 'lỗi nội bộ: {message}',
  'error.langValue': '--lang phải là vi hoặc en, không phải "{value}"',
  'error.limitValue': '--limit nhận ID=N, ví dụ --limit vertices-per-feature=2000000, không phải "{value}"',
  'error.limitUnknown': 'không có giới hạn nào tên "{value}"; ecopark --help liệt kê các giới hạn',
  'error.limitNotRaisable': 'giới hạn {value} bảo vệ chương trình và không thể nâng',
  'error.needsValue': '{option} cần một giá trị (cách dùng: {usage})',
  'error.unknownOption': 'không có tùy chọn {option} (cách dùng: {usage})',
  'error.oneFile': '{command} nhận một tệp (cách dùng: {usage})',
  'error.twoFiles': '{command} nhận hai tệp (cách dùng: {usage})',
  'error.needsFile': '{command} cần một tệp (cách dùng: {usage})',
  'error.readsProjects': 'không đọc được {path}: {command} chỉ đọc tệp dự án (.gpkg)',
  'error.noScenario': 'không có phương án "{name}" trong {path}; các phương án: {list}',
  'warning': 'cảnh báo: {message}',
  'fs.ENOENT': 'không có tệp này',
  'fs.EACCES': 'không có quyền truy cập',
  'fs.EPERM': 'không có quyền truy cập',
  'fs.EISDIR': 'là một thư mục',
  'fs.ENOTDIR': 'một phần của đường dẫn không phải thư mục',
  'fs.EROFS': 'hệ thống tệp chỉ đọc',
  'fs.ENOSPC': 'thiết bị đã hết dung lượng',
  'fs.badPath': 'đường dẫn chứa một ký tự không tên tệp nào có thể có (byte NUL)',
  'fs.noFolder': 'thư mục chứa tệp không tồn tại',
  'file.cannotOpen': 'không mở được {path}: {reason}',
  'file.cannotWrite': 'không ghi được {path}: {reason}',
  'output.exists': '{path} đã tồn tại và được giữ nguyên; thêm --force để thay thế',
  'output.existsProject': '{path} đã tồn tại và được giữ nguyên; thêm --force để thay thế (khi đó phiên bản trước được giữ ở {path}.bak)',
  'output.isInput': 'không ghi được {output}: đó chính là tệp đầu vào {input} (cùng một tệp dưới tên khác hoặc qua liên kết); không ghi gì, kể cả với --force — hãy chọn tệp kết quả khác',
  'file.cannotImport': 'không nhập được {path}: {reason}',
  'file.notJson': 'không phải JSON hợp lệ ({detail})',
  'file.unknownType': 'không nhận ra loại tệp của {path}: dùng {extensions}',
  'project.not_sqlite': 'không phải cơ sở dữ liệu SQLite',
  'project.not_geopackage': 'không phải GeoPackage',
  'project.foreign_geopackage': 'là GeoPackage nhưng không phải dự án EcoPark Planner',
  'project.newer_version': 'được tạo bởi phiên bản EcoPark Planner mới hơn',
  'project.corrupt': 'tệp dự án bị hỏng',
  'project.importHint': 'nhập tệp bằng: ecopark convert {path} {out}',
  'info.project': 'Dự án',
  'info.province': 'Tỉnh/thành',
  'info.formerProvince': '{province} (tỉnh cũ: {former})',
  'info.none': '(không có)',
  'info.location': 'Vị trí',
  'info.created': 'Ngày tạo',
  'info.modified': 'Ngày sửa',
  'info.formatVersion': 'Phiên bản định dạng',
  'info.scenarios': 'Phương án',
  'info.activeMark': '{count} (* = đang dùng)',
  'info.features': '{name}: {count} đối tượng',
  'info.byKind': 'theo loại',
  'info.byLandUse': 'theo chức năng',
  'kind.boundary': 'ranh giới',
  'kind.landuse': 'khu đất',
  'kind.building': 'công trình',
  'kind.road': 'đường',
  'kind.point': 'công trình đầu mối',
  'analyze.badDate': '--date phải có dạng YYYY-MM-DD, không phải "{value}"',
  'analyze.unknownRuleSet': 'không có bộ quy định {ids}; các bộ hiện có: {known}',
  'analyze.project': 'Dự án',
  'analyze.scenario': 'Phương án',
  'analyze.parkArea': 'Diện tích khu',
  'analyze.areaMethod': 'tính trắc địa trên ellipsoid WGS84',
  'analyze.landUse': 'Chức năng sử dụng đất',
  'analyze.areaM2': 'diện tích m²',
  'analyze.unassigned': 'Chưa xác định chức năng',
  'analyze.overlap': 'Chồng lấn (−)',
  'analyze.outside': '(ngoài ranh giới: {area} m², không tính trong bảng)',
  'analyze.greenRatio': 'Tỷ lệ đất cây xanh',
  'analyze.totalGreen': 'tổng cây xanh',
  'analyze.isolationMin': 'dải cách ly hẹp nhất',
  'analyze.plots': 'Lô đất: {count} (trung bình {mean} m², nhỏ nhất {min}, lớn nhất {max})',
  'analyze.roads': 'đường: {length} m, {share} diện tích khu',
  'analyze.rules': 'Quy định',
  'analyze.noRules': '(không có quy định nào áp dụng)',
  'analyze.override': 'dự án đặt lại ngưỡng',
  'analyze.projectRule': 'quy định riêng của dự án',
  'problems.count': 'phương án "{name}" có {count} lỗi hình học (bản đồ cũng hiển thị các lỗi này):',
  'problems.countOne': 'phương án "{name}" có 1 lỗi hình học (bản đồ cũng hiển thị lỗi này):',
  'problems.more': '  … và {count} lỗi khác (ecopark analyze --json liệt kê tất cả)',
  'analyze.invalidPlots': '* số liệu của {count} lô đất lấy từ hình học không hợp lệ, không đáng tin cậy: {codes}',
  'analyze.invalidBoundary': '* ranh giới khu là hình học không hợp lệ: diện tích khu và mọi tỷ lệ theo nó không đáng tin cậy',
  'status.pass': 'ĐẠT',
  'status.fail': 'KHÔNG ĐẠT',
  'status.warn': 'CẢNH BÁO',
  'status.n/a': 'KHÔNG ÁP DỤNG',
  'confidence.exact': 'trích dẫn chính xác',
  'confidence.secondary': 'nguồn thứ cấp',
  'confidence.unverified': 'chưa kiểm chứng',
  'solar.weather': 'Dữ liệu thời tiết',
  'solar.roofs': 'Số mái',
  'solar.roofsValue': '{count} (bóng che tính tại {positions} vị trí mặt trời)',
  'solar.installed': 'Công suất lắp đặt',
  'solar.production': 'Sản lượng',
  'solar.productionValue': '{mwh} MWh/năm ({yield} kWh/kWp)',
  'solar.shading': 'Che bóng bởi công trình lân cận',
  'solar.shadingValue': '{total} % sản lượng (che nắng trực xạ {beam} %, che bầu trời {sky} %)',
  'solar.co2': 'CO₂ tránh phát thải',
  'solar.co2Value': '{t} tấn/năm',
  'solar.payback': 'Thời gian hoàn vốn',
  'solar.paybackValue': '{years} năm',
  'solar.never': 'không hoàn vốn',
  'solar.lcoe': 'Giá thành điện quy dẫn (LCOE)',
  'solar.badWeather': 'không đọc được tệp thời tiết {path}: {reason} ({detail})',
  'weatherReason.unrecognised-format': 'không phải tệp EPW hay tệp theo giờ của PVGIS',
  'weatherReason.too-few-rows': 'không đủ số liệu theo giờ của cả một năm',
  'weatherReason.bad-location': 'không có vĩ độ và kinh độ hợp lệ',
  'weatherReason.out-of-range': 'có giá trị ngoài giới hạn vật lý',
  'weatherReason.duplicate-hour': 'có giờ bị lặp lại',
  'weatherReason.implausible': 'không phải một năm thời tiết hợp lý',
  'weatherReason.too-many-rows': 'nhiều dòng theo giờ hơn số giờ của một năm',
  'solar.oneProject': 'solar nhận một tệp dự án (cách dùng: {usage})',
  'report.needsOutput': 'report cần tệp đầu ra: -o OUT.pdf, .xlsx hoặc .csv (cách dùng: {usage})',
  'report.badOutput': 'không ghi được {path}: báo cáo được ghi dưới dạng .pdf, .xlsx hoặc .csv',
  'report.compareCount': '--compare nhận từ 2 đến 4 phương án, không phải {count}',
  'report.font': 'không tải được phông chữ báo cáo trong data/fonts: {reason}',
  'report.wrote': 'Đã ghi {path} ({bytes} byte)',
  'convert.badCrs': 'không nhận ra hệ tọa độ {crs}: dùng EPSG:4326, EPSG:32648, EPSG:32649, EPSG:3405, EPSG:3406, một múi VN-2000 như VN2000:105.5 hoặc mã EPSG của nó (EPSG:9209)',
  'convert.tablesExportOnly': 'không nhập được {path}: bảng thuộc tính (.csv, .xlsx) không chứa hình học và chỉ dùng để xuất; hãy nhập .geojson, .kml, .kmz, .shp.zip, .dxf hoặc .gpkg',
  'convert.layerMapJson': 'không đọc được bảng ánh xạ lớp {path}: không phải JSON hợp lệ ({detail})',
  'convert.layerMapShape': 'không đọc được bảng ánh xạ lớp {path}: tại {at}: {message} (cần dạng {"layers": {"LAYER": {"kind": "landuse", "landUse": "industrial"}}})',
  'convert.broken_zip': 'tệp zip bị hỏng',
  'convert.crs_required': 'cần biết hệ tọa độ',
  'convert.unsupported_crs': 'hệ tọa độ chưa được hỗ trợ',
  'convert.no_closed_polylines': 'không có đường polyline khép kín',
  'convert.invalid_dxf': 'không đọc được DXF',
  'convert.empty': 'không có gì để nhập',
  'convert.invalid_kml': 'không đọc được KML',
  'convert.invalid_shapefile': 'không đọc được Shapefile',
  'convert.no_shapefile': 'không có Shapefile trong tệp zip',
  'convert.crsHint': 'thêm --crs MÃ',
  'convert.crsHintGuess': 'thêm --crs MÃ (ví dụ --crs {guess})',
  'convert.nothingImported': 'không nhập được đối tượng nào',
  'convert.skipped': '({count} bị bỏ qua theo bảng ánh xạ lớp)',
  'convert.missingLayer': 'bảng ánh xạ lớp có lớp "{name}" nhưng {path} không có lớp này (các lớp: {layers})',
  'convert.done': '{input} -> {output}: {summary}',
  'convert.summaryWhole': '{scenarios} phương án, {features} đối tượng',
  'convert.summaryFlat': 'phương án "{name}", {features} đối tượng',
  'convert.layers': 'các lớp',
};

const TABLES: Record<CliLang, Record<CliMessageKey, string>> = { en: EN, vi: VI };

/** Environment variables that pick the default language, most specific first. */
export type LangEnv = Partial<Record<'ECOPARK_LANG' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG', string>>;

/**
 * The default language: $ECOPARK_LANG when it is vi or en; else the POSIX locale variables in
 * their order of precedence (the first one set wins, as for gettext): vi when it starts with
 * "vi" (vi_VN.UTF-8), en otherwise.
 */
export function langFromEnv(env: LangEnv): CliLang {
  const own = env.ECOPARK_LANG?.trim().toLowerCase();
  if (own === 'vi' || own === 'en') return own;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}


/** Everything a command needs to speak the user's language. */
export interface Messages {
  lang: CliLang;
  t(key: CliMessageKey, params?: Record<string, string | number>): string;
  /** A number in the language's convention: vi 1.234,5; en 1,234.5. */
  num(value: number, fractionDigits?: number): string;
  /** A ratio 0–1 as "12,34 %" / "12.34 %"; "—" for null. */
  pct(ratio: number | null, fractionDigits?: number): string;
  /** An ISO timestamp as date and UTC time: vi "15/01/2026 08:00 UTC"; en "15 Jan 2026, 08:00 UTC". */
  dateTime(iso: string): string;
}

export function messages(lang: CliLang): Messages {
  const table = TABLES[lang];
  return {
    lang,
    t: (key, params = {}) => fill(table[key], params),
    num: (value, fractionDigits = 0) => formatNumber(lang, value, fractionDigits),
    pct: (ratio, fractionDigits = 2) => formatPercent(lang, ratio, fractionDigits),
    // Stored timestamps are UTC; the CLI says so rather than guess the reader's time zone.
    dateTime: (iso) => (Number.isNaN(new Date(iso).getTime()) ? iso : formatDateTime(lang, iso, { utc: true })),
  };
}

/**
 * Takes the global `--lang vi|en` (or `--lang=vi`) out of the arguments wherever it stands, so
 * every command accepts it. Returns the language (null when not given) and the other arguments.
 */
export function extractLang(argv: string[]): { lang: CliLang | null; rest: string[]; error?: { value: string } } {
  const rest: string[] = [];
  let lang: CliLang | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const inline = /^--lang=(.*)$/.exec(a);
    if (a !== '--lang' && !inline) {
      rest.push(a);
      continue;
    }
    const value = inline ? inline[1] : argv[++i];
    const v = value?.trim().toLowerCase();
    if (v !== 'vi' && v !== 'en') return { lang, rest, error: { value: value ?? '' } };
    lang = v;
  }
  return { lang, rest };
}
