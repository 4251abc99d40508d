package kz.komek.admin;

import kz.komek.catalog.Locale;

/** The admin UI's texts in both locales, in one place for a translator (the visitor pages have catalog.UiText). */
public enum AdminText {
    LOGIN_TITLE("Вход для редакторов", "Редакторлардың кіруі"),
    LOGIN_INTRO("Войдите, чтобы редактировать справочный центр.", "Анықтама орталығын өңдеу үшін жүйеге кіріңіз."),
    NAME_LABEL("Имя пользователя", "Пайдаланушы аты"),
    PASSWORD_LABEL("Пароль", "Құпиясөз"),
    SIGN_IN("Войти", "Кіру"),
    /** Says nothing about which of the two was wrong, or whether the user exists or is disabled. */
    LOGIN_FAILED("Неверное имя пользователя или пароль.", "Пайдаланушы аты немесе құпиясөз қате."),
    LOGIN_THROTTLED(
            "Слишком много неудачных попыток входа. Попробуйте снова через %d мин.",
            "Сәтсіз кіру әрекеттері тым көп. %d минуттан кейін қайталап көріңіз."),
    FORM_EXPIRED(
            "Форма входа устарела. Введите имя и пароль ещё раз.",
            "Кіру формасының мерзімі өтті. Атыңыз бен құпиясөзді қайта енгізіңіз."),
    CSRF_REFUSED(
            "Форма устарела или отправлена не со страницы komek. Обновите страницу и повторите.",
            "Форма ескірген немесе komek бетінен жіберілмеген. Бетті жаңартып, қайталап көріңіз."),
    ROLE_TOO_LOW("Для этого нужна роль «%s», у вас — «%s».", "Бұл үшін «%s» рөлі керек, сіздің рөліңіз — «%s»."),
    ADMIN_TITLE("Редакторская komek", "komek редакциясы"),
    SIGNED_IN_AS("Вы вошли как %s.", "Сіз %s ретінде кірдіңіз."),
    ROLE("Роль", "Рөл"),
    VIA_TOKEN("Запрос с API-токеном.", "API-токенмен жасалған сұрау."),
    SIGN_OUT("Выйти", "Шығу"),
    ROLE_VIEWER("читатель", "оқырман"),
    ROLE_EDITOR("редактор", "редактор"),
    ROLE_PUBLISHER("публикатор", "жариялаушы"),
    ROLE_ADMIN("администратор", "әкімші"),
    // --- the admin frame (AdminFrame) ---
    MENU_LABEL("Меню редакции", "Редакция мәзірі"),
    MENU_HOME("Главная", "Басты бет"),
    MENU_SECTIONS("Разделы и вопросы", "Бөлімдер мен сұрақтар"),
    MENU_TRANSFER("Импорт и экспорт", "Импорт және экспорт"),
    MENU_AUDIT("Журнал действий", "Әрекеттер журналы"),
    MENU_USERS("Пользователи", "Пайдаланушылар"),
    // --- questions: editor, preview, revisions (admin.content) ---
    // --- sections, reorder, cross-listing (admin.sections) ---
    // --- import and export, audit log page, users page ---
    /** Ends the list, so that each block above adds lines ending in a comma. */
    END_OF_TEXTS("", "");

    private final String ru;
    private final String kz;

    AdminText(String ru, String kz) {
        this.ru = ru;
        this.kz = kz;
    }

    public String in(Locale locale) {
        return locale == Locale.KZ ? kz : ru;
    }

    public String format(Locale locale, Object... args) {
        return String.format(java.util.Locale.ROOT, in(locale), args);
    }

    public static String role(Role role, Locale locale) {
        return switch (role) {
            case VIEWER -> ROLE_VIEWER.in(locale);
            case EDITOR -> ROLE_EDITOR.in(locale);
            case PUBLISHER -> ROLE_PUBLISHER.in(locale);
            case ADMIN -> ROLE_ADMIN.in(locale);
        };
    }
}
