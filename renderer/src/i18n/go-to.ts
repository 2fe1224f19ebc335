/** Strings of the "Go to" box and the missing-detail hint of a new site (issue 13). */
export const EN = {
  'goTo.title': 'Go to place or coordinates',
  'goTo.button': 'Go to…',
  'goTo.placeholder': 'Place, or 21.0285, 105.8542, or VN-2000 X Y zone (2339658 556925 105°30′)',
  'goTo.notFound': '“{text}” is neither coordinates nor a place in the offline gazetteer of Viet Nam.',
  'goTo.kind.province': 'province',
  'goTo.kind.former-province': 'former province, now {province}',
  'goTo.kind.town': 'town, {province}',
  'goTo.close': 'Close',
  'mapHint.noDetail': 'No detailed map is loaded — the offline map shows only country outlines at this scale. Add an offline map file (.pmtiles or .mbtiles) or, with internet, choose OpenStreetMap or satellite.',
  'mapHint.openBasemaps': 'Basemap…',
} as const;

export const VI: Record<keyof typeof EN, string> = {
  'goTo.title': 'Đi tới địa danh hoặc tọa độ',
  'goTo.button': 'Đi tới…',
  'goTo.placeholder': 'Địa danh, hoặc 21.0285, 105.8542, hoặc VN-2000 X Y múi (2339658 556925 105°30′)',
  'goTo.notFound': '“{text}” không phải tọa độ, cũng không phải địa danh trong danh mục địa danh ngoại tuyến của Việt Nam.',
  'goTo.kind.province': 'tỉnh/thành phố',
  'goTo.kind.former-province': 'tỉnh cũ, nay thuộc {province}',
  'goTo.kind.town': 'đô thị, {province}',
  'goTo.close': 'Đóng',
  'mapHint.noDetail': 'Chưa nạp bản đồ chi tiết — ở tỉ lệ này bản đồ ngoại tuyến chỉ có đường biên quốc gia. Hãy thêm tệp bản đồ ngoại tuyến (.pmtiles hoặc .mbtiles) hoặc, khi có mạng, chọn OpenStreetMap hay ảnh vệ tinh.',
  'mapHint.openBasemaps': 'Bản đồ nền…',
};
