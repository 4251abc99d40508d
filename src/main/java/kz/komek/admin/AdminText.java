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
    TRANSFER_TITLE("Импорт и экспорт", "Импорт және экспорт"),
    TRANSFER_EXPORT_INTRO(
            "Весь справочный центр одним файлом komek-bundle/1: сайты, разделы, опубликованные вопросы.",
            "Бүкіл анықтама орталығы бір komek-bundle/1 файлында: сайттар, бөлімдер, жарияланған сұрақтар."),
    TRANSFER_EXPORT("Скачать экспорт", "Экспортты жүктеп алу"),
    TRANSFER_IMPORT("Импорт", "Импорт"),
    TRANSFER_IMPORT_INTRO(
            "Загрузите пакет komek-bundle/1 или страницу Nuxt. Сначала вы увидите, что изменится; изменит базу только"
                    + " кнопка «Применить».",
            "komek-bundle/1 пакетін немесе Nuxt бетін жүктеңіз. Алдымен не өзгеретінін көресіз; базаны тек"
                    + " «Қолдану» батырмасы өзгертеді."),
    TRANSFER_FILE("Файл", "Файл"),
    TRANSFER_SITE(
            "Сайт для вопросов страницы Nuxt (по умолчанию client)", "Nuxt беті сұрақтарының сайты (әдепкі client)"),
    TRANSFER_CHECK("Проверить", "Тексеру"),
    TRANSFER_REPORT("Что изменит импорт", "Импорт нені өзгертеді"),
    TRANSFER_DONE("Импорт применён", "Импорт қолданылды"),
    TRANSFER_KIND("Записи", "Жазбалар"),
    TRANSFER_NEW("Новые", "Жаңа"),
    TRANSFER_UPDATED("Изменённые", "Өзгертілген"),
    TRANSFER_SITES("Сайты", "Сайттар"),
    TRANSFER_SECTIONS("Разделы", "Бөлімдер"),
    TRANSFER_QUESTIONS("Вопросы", "Сұрақтар"),
    TRANSFER_NOTES("Замечания", "Ескертпелер"),
    TRANSFER_APPLY("Применить", "Қолдану"),
    TRANSFER_APPLY_HINT(
            "Проверка ничего не изменила. Применить можно в течение часа.",
            "Тексеру ештеңені өзгертпеді. Бір сағат ішінде қолдануға болады."),
    TRANSFER_NO_FILE("Выберите файл.", "Файлды таңдаңыз."),
    TRANSFER_INVALID(
            "Этот файл импортировать нельзя, ничего не изменено:",
            "Бұл файлды импорттауға болмайды, ештеңе өзгерген жоқ:"),
    TRANSFER_APPLY_FAILED("Импорт не применён, ничего не изменено:", "Импорт қолданылмады, ештеңе өзгерген жоқ:"),
    TRANSFER_EXPIRED(
            "Этой загрузки нет: прошёл час, её уже применили или загрузили не вы. Загрузите файл ещё раз.",
            "Бұл жүктеу жоқ: бір сағат өтті, ол қолданылды немесе оны сіз жүктемегенсіз. Файлды қайта жүктеңіз."),
    AUDIT_TITLE("Журнал действий", "Әрекеттер журналы"),
    AUDIT_OWN_ONLY(
            "Здесь только ваши действия; весь журнал видят администраторы.",
            "Мұнда тек сіздің әрекеттеріңіз; бүкіл журналды әкімшілер көреді."),
    AUDIT_WHEN("Когда", "Қашан"),
    AUDIT_WHO("Кто", "Кім"),
    AUDIT_ACTION("Действие", "Әрекет"),
    AUDIT_OBJECT("Объект", "Нысан"),
    AUDIT_CHANGE("Было → стало", "Болды → болады"),
    AUDIT_ACTOR("Кто (имя или id)", "Кім (аты немесе id)"),
    AUDIT_OBJECT_TYPE("Тип объекта", "Нысан түрі"),
    AUDIT_OBJECT_ID("Id объекта", "Нысан id"),
    AUDIT_FROM("С", "Бастап"),
    AUDIT_TO("По (включительно)", "Дейін (қоса)"),
    AUDIT_ANY("любое", "кез келген"),
    AUDIT_FILTER("Показать", "Көрсету"),
    AUDIT_RESET("Сбросить", "Тазалау"),
    AUDIT_OLDER("Более ранние записи", "Ертеректегі жазбалар"),
    AUDIT_EMPTY("Записей нет.", "Жазбалар жоқ."),
    AUDIT_BAD_FILTER("Фильтр не понят: %s", "Сүзгі түсініксіз: %s"),
    ACTION_QUESTION_SAVE_DRAFT("черновик вопроса сохранён", "сұрақтың жобасы сақталды"),
    ACTION_QUESTION_PUBLISH("вопрос опубликован", "сұрақ жарияланды"),
    ACTION_QUESTION_UNPUBLISH("вопрос снят с публикации", "сұрақ жариялаудан алынды"),
    ACTION_QUESTION_RESTORE("версия вопроса восстановлена", "сұрақ нұсқасы қалпына келтірілді"),
    ACTION_QUESTION_DELETE("вопрос удалён", "сұрақ жойылды"),
    ACTION_SECTION_CREATE("раздел создан", "бөлім құрылды"),
    ACTION_BUNDLE_IMPORT("импорт пакета", "пакет импорты"),
    ACTION_USER_CREATE("пользователь добавлен", "пайдаланушы қосылды"),
    ACTION_USER_DISABLE("пользователь отключён", "пайдаланушы өшірілді"),
    ACTION_USER_ENABLE("пользователь включён", "пайдаланушы қайта қосылды"),
    ACTION_USER_ROLE("роль изменена", "рөл өзгертілді"),
    ACTION_USER_PASSWORD("пароль изменён", "құпиясөз өзгертілді"),
    ACTION_TOKEN_CREATE("API-токен создан", "API-токен жасалды"),
    ACTION_TOKEN_REVOKE("API-токен отозван", "API-токен кері қайтарылды"),
    ACTION_SESSION_SIGN_IN("вход", "кіру"),
    ACTION_SESSION_SIGN_OUT("выход", "шығу"),
    USERS_TITLE("Пользователи", "Пайдаланушылар"),
    USERS_NAME("Имя", "Аты"),
    USERS_STATUS("Статус", "Күйі"),
    USERS_CREATED("Добавлен", "Қосылған"),
    USERS_LAST_SIGN_IN("Последний вход", "Соңғы кіру"),
    USERS_ACTIVE("активен", "белсенді"),
    USERS_DISABLED("отключён", "өшірілген"),
    USERS_DISABLE("Отключить", "Өшіру"),
    USERS_ENABLE("Включить", "Қосу"),
    USERS_SET_ROLE("Сменить роль", "Рөлді өзгерту"),
    USERS_ADD("Добавить пользователя", "Пайдаланушы қосу"),
    USERS_YOU("это вы", "бұл сіз"),
    USERS_DONE("Сохранено.", "Сақталды."),
    PASSWORD_NEW("Новый пароль (не короче 10 символов)", "Жаңа құпиясөз (кемінде 10 таңба)"),
    PASSWORD_AGAIN("Пароль ещё раз", "Құпиясөз қайта"),
    PASSWORDS_DIFFER("Пароли не совпадают.", "Құпиясөздер сәйкес емес."),
    ACCOUNT_TITLE("Мой пароль", "Менің құпиясөзім"),
    ACCOUNT_CURRENT("Текущий пароль", "Қазіргі құпиясөз"),
    ACCOUNT_CHANGE("Сменить пароль", "Құпиясөзді өзгерту"),
    ACCOUNT_WRONG_CURRENT("Текущий пароль неверен.", "Қазіргі құпиясөз қате."),
    ACCOUNT_CHANGED(
            "Пароль изменён; другие ваши сеансы завершены.", "Құпиясөз өзгертілді; басқа сеанстарыңыз аяқталды."),
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
