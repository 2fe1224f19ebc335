/**
 * UI strings, English and Vietnamese (DESIGN.md §4: every UI string goes through i18n). Keys
 * are grouped by area; `{name}` placeholders are filled by `translate`.
 */
/**
 * Each capability keeps its strings in its own file (renderer/src/i18n/<area>.ts exporting
 * `EN` (as const) and `VI`), spread in below, so that parallel work never edits one big table.
 */
import { EN as SOLAR_EN, VI as SOLAR_VI } from './solar';
import { EN as ANALYSIS_EN, VI as ANALYSIS_VI } from './analysis';

const CORE_EN = {
  'app.title': 'EcoPark Planner',
  'toolbar.new': 'New project',
  'toolbar.open': 'Open',
  'toolbar.openSample': 'Open sample',
  'toolbar.save': 'Save',
  'toolbar.saveAs': 'Save as',
  'toolbar.basemap': 'Basemap',
  'toolbar.legend': 'Legend',
  'toolbar.features': 'Features',
  'toolbar.view3d': '3D view',
  'toolbar.language': 'Tiếng Việt',
  'toolbar.languageLabel': 'Switch language to Vietnamese',
  'toolbar.scenario': 'Scenario',
  'basemap.offline': 'Offline map (Natural Earth)',
  'basemap.osm': 'OpenStreetMap',
  'basemap.satellite': 'Satellite (Esri World Imagery)',
  'basemap.custom': 'Custom XYZ URL…',
  'basemap.customPrompt': 'Tile URL with {z}, {x} and {y}, e.g. https://tile.example.com/{z}/{x}/{y}.png',
  'basemap.customApply': 'Use this URL',
  'basemap.customInvalid': 'The URL must start with https:// and contain {z}, {x} and {y}.',
  'basemap.offlineFallback': 'The online basemap could not be reached; showing the offline map.',
  'legend.title': 'Legend',
  'legend.boundary': 'Park boundary',
  'legend.building': 'Building (extruded by height)',
  'legend.road': 'Road centre line',
  'legend.point': 'Facility',
  'features.title': 'Features',
  'features.empty': 'No features in this scenario yet.',
  'features.filter': 'Filter features',
  'group.boundary': 'Boundary',
  'group.building': 'Buildings',
  'group.road': 'Roads',
  'group.point': 'Facilities',
  'properties.title': 'Properties',
  'properties.none': 'Click a feature on the map or in the list to see its attributes.',
  'properties.project': 'Project',
  'properties.kind': 'Kind',
  'properties.id': 'Identifier',
  'properties.areaM2': 'Area',
  'properties.lengthM': 'Length',
  'properties.perimeterM': 'Perimeter',
  'properties.areaMethod': 'Geodesic on the WGS84 ellipsoid (GeographicLib)',
  'properties.coordinates': 'Position',
  'properties.extra': 'Other attributes',
  'attr.name': 'Name',
  'attr.code': 'Code',
  'attr.landUse': 'Land use',
  'attr.subtype': 'Subtype',
  'attr.heightM': 'Height',
  'attr.floors': 'Floors',
  'attr.roofType': 'Roof type',
  'attr.widthM': 'Road width',
  'attr.maxDensity': 'Max building density',
  'attr.maxFloors': 'Max floors',
  'attr.minGreenRatio': 'Min green ratio',
  'attr.maxFar': 'Max floor area ratio',
  'attr.facilityType': 'Facility type',
  'attr.notes': 'Notes',
  'kind.boundary': 'Park boundary',
  'kind.landuse': 'Land-use area',
  'kind.building': 'Building',
  'kind.road': 'Road',
  'kind.point': 'Facility',
  'project.province': 'Province',
  'project.formerProvince': 'former',
  'project.scenarios': 'Scenarios',
  'project.features': 'Features',
  'project.boundaryArea': 'Area inside the boundary',
  'status.untitled': 'Untitled',
  'status.unsaved': 'Unsaved changes',
  'status.saved': 'Saved {file} ({size})',
  'status.opened': 'Opened {file}',
  'status.loading': 'Loading…',
  'status.dropHint': 'Drop a .gpkg project file to open it',
  'error.title': 'Could not open the file',
  'error.not_sqlite': '“{file}” is not a project file: it is not a SQLite/GeoPackage database.',
  'error.not_geopackage': '“{file}” is a SQLite database but not a GeoPackage.',
  'error.foreign_geopackage': '“{file}” is a GeoPackage made by another program, not an EcoPark project.',
  'error.newer_version': '“{file}” was saved by a newer version of EcoPark Planner.',
  'error.corrupt': '“{file}” is damaged and cannot be opened.',
  'error.io_error': '“{file}” could not be read.',
  'error.invalid_document': 'The project could not be saved: it is not valid.',
  'error.saveFailed': 'The project could not be saved. The previous file is unchanged.',
  'error.untouched': 'The file was not modified.',
  'error.importOffer': 'Import its layers as a new project?',
  'error.import': 'Import',
  'dialog.close': 'Close',
  'dialog.discard': 'Discard unsaved changes to “{file}”?',
  'map.northArrow': 'North arrow: click to reset the bearing',
} as const;

export const EN = { ...CORE_EN, ...SOLAR_EN, ...ANALYSIS_EN } as const;

export type MessageKey = keyof typeof EN;

const CORE_VI: Record<keyof typeof CORE_EN, string> = {
  'app.title': 'EcoPark Planner',
  'toolbar.new': 'Dự án mới',
  'toolbar.open': 'Mở',
  'toolbar.openSample': 'Mở dự án mẫu',
  'toolbar.save': 'Lưu',
  'toolbar.saveAs': 'Lưu thành',
  'toolbar.basemap': 'Bản đồ nền',
  'toolbar.legend': 'Chú giải',
  'toolbar.features': 'Đối tượng',
  'toolbar.view3d': 'Xem 3D',
  'toolbar.language': 'English',
  'toolbar.languageLabel': 'Chuyển ngôn ngữ sang tiếng Anh',
  'toolbar.scenario': 'Phương án',
  'basemap.offline': 'Bản đồ ngoại tuyến (Natural Earth)',
  'basemap.osm': 'OpenStreetMap',
  'basemap.satellite': 'Ảnh vệ tinh (Esri World Imagery)',
  'basemap.custom': 'URL XYZ tùy chọn…',
  'basemap.customPrompt': 'URL ô bản đồ có {z}, {x} và {y}, ví dụ https://tile.example.com/{z}/{x}/{y}.png',
  'basemap.customApply': 'Dùng URL này',
  'basemap.customInvalid': 'URL phải bắt đầu bằng https:// và chứa {z}, {x} và {y}.',
  'basemap.offlineFallback': 'Không kết nối được bản đồ nền trực tuyến; đang hiển thị bản đồ ngoại tuyến.',
  'legend.title': 'Chú giải',
  'legend.boundary': 'Ranh giới khu công nghiệp',
  'legend.building': 'Công trình (theo chiều cao)',
  'legend.road': 'Tim đường',
  'legend.point': 'Công trình đầu mối',
  'features.title': 'Đối tượng',
  'features.empty': 'Phương án này chưa có đối tượng nào.',
  'features.filter': 'Lọc đối tượng',
  'group.boundary': 'Ranh giới',
  'group.building': 'Công trình',
  'group.road': 'Đường',
  'group.point': 'Công trình đầu mối',
  'properties.title': 'Thuộc tính',
  'properties.none': 'Nhấn vào một đối tượng trên bản đồ hoặc trong danh sách để xem thuộc tính.',
  'properties.project': 'Dự án',
  'properties.kind': 'Loại',
  'properties.id': 'Mã định danh',
  'properties.areaM2': 'Diện tích',
  'properties.lengthM': 'Chiều dài',
  'properties.perimeterM': 'Chu vi',
  'properties.areaMethod': 'Trắc địa trên ellipsoid WGS84 (GeographicLib)',
  'properties.coordinates': 'Vị trí',
  'properties.extra': 'Thuộc tính khác',
  'attr.name': 'Tên',
  'attr.code': 'Ký hiệu',
  'attr.landUse': 'Chức năng sử dụng đất',
  'attr.subtype': 'Phân loại chi tiết',
  'attr.heightM': 'Chiều cao',
  'attr.floors': 'Số tầng',
  'attr.roofType': 'Loại mái',
  'attr.widthM': 'Bề rộng đường',
  'attr.maxDensity': 'Mật độ xây dựng tối đa',
  'attr.maxFloors': 'Số tầng tối đa',
  'attr.minGreenRatio': 'Tỷ lệ cây xanh tối thiểu',
  'attr.maxFar': 'Hệ số sử dụng đất tối đa',
  'attr.facilityType': 'Loại công trình',
  'attr.notes': 'Ghi chú',
  'kind.boundary': 'Ranh giới khu',
  'kind.landuse': 'Khu đất',
  'kind.building': 'Công trình',
  'kind.road': 'Đường',
  'kind.point': 'Công trình đầu mối',
  'project.province': 'Tỉnh/thành',
  'project.formerProvince': 'trước đây',
  'project.scenarios': 'Phương án',
  'project.features': 'Đối tượng',
  'project.boundaryArea': 'Diện tích trong ranh giới',
  'status.untitled': 'Chưa đặt tên',
  'status.unsaved': 'Có thay đổi chưa lưu',
  'status.saved': 'Đã lưu {file} ({size})',
  'status.opened': 'Đã mở {file}',
  'status.loading': 'Đang tải…',
  'status.dropHint': 'Thả tệp dự án .gpkg vào đây để mở',
  'error.title': 'Không mở được tệp',
  'error.not_sqlite': '“{file}” không phải tệp dự án: không phải cơ sở dữ liệu SQLite/GeoPackage.',
  'error.not_geopackage': '“{file}” là cơ sở dữ liệu SQLite nhưng không phải GeoPackage.',
  'error.foreign_geopackage': '“{file}” là GeoPackage do phần mềm khác tạo, không phải dự án EcoPark.',
  'error.newer_version': '“{file}” được lưu bởi phiên bản EcoPark Planner mới hơn.',
  'error.corrupt': '“{file}” bị hỏng và không mở được.',
  'error.io_error': 'Không đọc được “{file}”.',
  'error.invalid_document': 'Không lưu được dự án: dữ liệu không hợp lệ.',
  'error.saveFailed': 'Không lưu được dự án. Tệp trước đó vẫn giữ nguyên.',
  'error.untouched': 'Tệp không bị thay đổi.',
  'error.importOffer': 'Nhập các lớp của tệp thành một dự án mới?',
  'error.import': 'Nhập',
  'dialog.close': 'Đóng',
  'dialog.discard': 'Bỏ các thay đổi chưa lưu của “{file}”?',
  'map.northArrow': 'Mũi tên chỉ hướng Bắc: nhấn để xoay bản đồ về hướng Bắc',
};

export const VI: Record<MessageKey, string> = { ...CORE_VI, ...SOLAR_VI, ...ANALYSIS_VI };

export type Lang = 'en' | 'vi';

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = lang === 'vi' ? VI[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Numbers in the UI language's convention (vi: 1.234,5; en: 1,234.5). */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Area as "12,345 m² (1.23 ha)". */
export function formatArea(lang: Lang, areaM2: number): string {
  return `${formatNumber(lang, areaM2)} m² (${formatNumber(lang, areaM2 / 10000, 2)} ha)`;
}

export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 1)} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), 2)} MB`;
}
