/*
 * Kefu: Admin configuration (replaces the webjar's scripts/config.js; Camunda reads this file at start).
 * Admin speaks Simplified Chinese (locales/zh.json); English stays available for browsers asking for it first.
 */
export default {
  app: {
    name: '管理中心',
    vendor: 'Kefu'
  },

  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm'
  },

  locales: {
    availableLocales: ['zh'], // Chinese whatever the browser's own language
    fallbackLocale: 'zh'
  },

  disableWelcomeMessage: true
};
