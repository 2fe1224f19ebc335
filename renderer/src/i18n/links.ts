/** Strings of the confirmation shown before a web link leaves the app (issue 11). */
export const EN = {
  'links.title': 'Open this web page?',
  'links.intro': 'This link leads out of EcoPark Planner, to:',
  'links.hostIs': 'The site is {host}. Open it only if you trust it.',
  'links.browser': 'It opens in your web browser; your project stays open here.',
  'links.notSecure': 'This address does not use a secure connection (https), so EcoPark Planner does not open it. Copy it yourself if you trust the site.',
  'links.open': 'Open',
  'links.cancel': 'Cancel',
  'links.close': 'Close',
} as const;

export const VI: Record<keyof typeof EN, string> = {
  'links.title': 'Mở trang web này?',
  'links.intro': 'Liên kết này dẫn ra ngoài EcoPark Planner, tới:',
  'links.hostIs': 'Trang web là {host}. Chỉ mở nếu bạn tin cậy trang này.',
  'links.browser': 'Trang sẽ mở trong trình duyệt web; dự án của bạn vẫn mở ở đây.',
  'links.notSecure': 'Địa chỉ này không dùng kết nối an toàn (https) nên EcoPark Planner không mở. Nếu tin cậy trang này, bạn hãy tự sao chép địa chỉ.',
  'links.open': 'Mở',
  'links.cancel': 'Hủy',
  'links.close': 'Đóng',
};
