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
    SECTIONS_TITLE("Разделы и вопросы", "Бөлімдер мен сұрақтар"),
    SECTIONS_SITE("Сайт", "Сайт"),
    SECTIONS_PATH("Путь", "Жол"),
    SECTIONS_TITLE_RU("Название по-русски", "Орысша атауы"),
    SECTIONS_TITLE_KZ("Название по-казахски", "Қазақша атауы"),
    SECTIONS_LIVE("Опубликовано", "Жарияланған"),
    SECTIONS_DRAFTS("Черновики", "Жобалар"),
    SECTIONS_OPEN("Открыть", "Ашу"),
    SECTIONS_NEW("Новый раздел", "Жаңа бөлім"),
    SECTIONS_PATH_HINT(
            "До трёх уровней через «/», например bonus/save/general; латиница, цифры, «-» и «_». Родитель должен существовать.",
            "«/» арқылы үш деңгейге дейін, мысалы bonus/save/general; латын әріптері, сандар, «-» және «_». Ата бөлім болуы керек."),
    SECTIONS_CREATE("Создать раздел", "Бөлім құру"),
    SECTIONS_SAVE_TITLES("Сохранить названия", "Атауларды сақтау"),
    SECTIONS_TITLES_HINT(
            "Пустое поле убирает название на этом языке; одно название должно остаться.",
            "Бос өріс осы тілдегі атауды алып тастайды; бір атау қалуы керек."),
    SECTIONS_MOVE("Переместить или переименовать", "Жылжыту немесе атын өзгерту"),
    SECTIONS_NEW_PATH("Новый путь", "Жаңа жол"),
    SECTIONS_MOVE_HINT(
            "Подразделы и вопросы переедут вместе с разделом; старые адреса будут вести на новые (301).",
            "Ішкі бөлімдер мен сұрақтар бірге көшеді; ескі мекенжайлар жаңасына апарады (301)."),
    SECTIONS_MOVE_SUBMIT("Переместить", "Жылжыту"),
    SECTIONS_ORDER("Порядок среди соседних разделов", "Көрші бөлімдер арасындағы реті"),
    SECTIONS_UP("Выше", "Жоғары"),
    SECTIONS_DOWN("Ниже", "Төмен"),
    SECTIONS_DELETE("Удалить раздел…", "Бөлімді жою…"),
    SECTIONS_SUBSECTIONS("Подразделы", "Ішкі бөлімдер"),
    SECTIONS_QUESTIONS("Вопросы раздела", "Бөлімнің сұрақтары"),
    SECTIONS_NO_QUESTIONS("В разделе нет вопросов.", "Бөлімде сұрақтар жоқ."),
    SECTIONS_NEW_QUESTION("Новый вопрос в этом разделе", "Осы бөлімде жаңа сұрақ"),
    SECTIONS_ID("№", "№"),
    SECTIONS_STATUS("Статус", "Күйі"),
    SECTIONS_PINNED("Закреплён", "Бекітілген"),
    SECTIONS_ACTIONS("Действия", "Әрекеттер"),
    SECTIONS_PIN("Закрепить", "Бекіту"),
    SECTIONS_UNPIN("Открепить", "Босату"),
    SECTIONS_EDIT_QUESTION("Редактировать", "Өңдеу"),
    SECTIONS_CROSS_LIST("Добавить копию в раздел", "Көшірмесін бөлімге қосу"),
    SECTIONS_CROSS_LIST_SUBMIT("Добавить копию", "Көшірме қосу"),
    SECTIONS_YES("да", "иә"),
    SECTIONS_NO("нет", "жоқ"),
    SECTIONS_STATUS_PUBLISHED("опубликован", "жарияланған"),
    SECTIONS_STATUS_PENDING("опубликован, есть черновик", "жарияланған, жобасы бар"),
    SECTIONS_STATUS_DRAFT("черновик", "жоба"),
    SECTIONS_DONE_CREATED("Раздел создан.", "Бөлім құрылды."),
    SECTIONS_DONE_RETITLED("Названия сохранены.", "Атаулар сақталды."),
    SECTIONS_DONE_MOVED(
            "Раздел перемещён; старые адреса ведут на новые.", "Бөлім жылжытылды; ескі мекенжайлар жаңасына апарады."),
    SECTIONS_DONE_ORDERED("Порядок изменён.", "Реті өзгертілді."),
    SECTIONS_DONE_DELETED("Раздел удалён.", "Бөлім жойылды."),
    SECTIONS_DONE_PLACED("Место вопроса изменено.", "Сұрақтың орны өзгертілді."),
    SECTIONS_DONE_CROSSLISTED("Копия вопроса создана как черновик.", "Сұрақтың көшірмесі жоба ретінде құрылды."),
    SECTIONS_ERROR("Не получилось: %s", "Орындалмады: %s"),
    SECTIONS_DELETE_TITLE("Удалить раздел %s?", "%s бөлімін жою керек пе?"),
    SECTIONS_DELETE_GOING("Будут удалены эти разделы с названиями:", "Мына бөлімдер атауларымен бірге жойылады:"),
    SECTIONS_DELETE_REFUSED(
            "Раздел нельзя удалить: в нём и в подразделах опубликованных вопросов — %d, черновиков — %d. Сначала перенесите или удалите их.",
            "Бөлімді жоюға болмайды: онда және ішкі бөлімдерінде жарияланған сұрақ — %d, жоба — %d. Алдымен оларды жылжытыңыз немесе жойыңыз."),
    SECTIONS_DELETE_CONFIRM("Да, удалить", "Иә, жою"),
    SECTIONS_CANCEL("Отмена", "Бас тарту"),
    SECTIONS_READ_ONLY(
            "Менять разделы может публикатор; вам доступен просмотр.",
            "Бөлімдерді жариялаушы өзгерте алады; сізге қарау қолжетімді."),
    SECTIONS_BACK("Все разделы", "Барлық бөлімдер"),
    SECTIONS_ON_SITE("Открыть на сайте", "Сайтта ашу"),
    SECTIONS_NONE("В этом сайте пока нет разделов.", "Бұл сайтта әзірге бөлімдер жоқ."),
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
