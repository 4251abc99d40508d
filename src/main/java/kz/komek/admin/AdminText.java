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
    Q_NEW_TITLE("Новый вопрос", "Жаңа сұрақ"),
    Q_EDIT_TITLE("Редактор вопроса", "Сұрақ редакторы"),
    Q_EDIT_HEADING("Вопрос %d", "%d-сұрақ"),
    Q_STATUS("Состояние", "Күйі"),
    Q_STATUS_DRAFT("черновик", "жоба"),
    Q_STATUS_PUBLISHED("опубликован", "жарияланған"),
    Q_STATUS_SCHEDULED("запланирован", "жоспарланған"),
    Q_STATUS_DELETED("удалён", "жойылған"),
    Q_REVISION_LINE("ревизия %d, читатели видят ревизию %s", "%d-нұсқа, оқырмандар %s-нұсқаны көреді"),
    Q_PUBLIC_PAGES("Страницы для читателей", "Оқырмандарға арналған беттер"),
    Q_HISTORY("История изменений", "Өзгерістер тарихы"),
    Q_IN_AUDIT("В журнале действий", "Әрекеттер журналында"),
    Q_PLACEMENT("Размещение", "Орналасуы"),
    Q_PLACE("Раздел", "Бөлім"),
    Q_PLACE_CHOOSE("— выберите раздел —", "— бөлімді таңдаңыз —"),
    Q_POSITION("Порядок в разделе", "Бөлімдегі реті"),
    Q_PINNED("Закреплён вверху списка", "Тізімнің басында бекітілген"),
    Q_CANONICAL("Канонический адрес (пусто — сам вопрос)", "Канондық мекенжай (бос болса — сұрақтың өзі)"),
    Q_CANONICAL_HINT(
            "Для копии вопроса в другом разделе укажите путь оригинала, например /shop/comment/q17561.",
            "Басқа бөлімдегі көшірме үшін түпнұсқаның жолын көрсетіңіз, мысалы /shop/comment/q17561."),
    Q_LOCALE_PRESENT("Есть текст на этом языке", "Осы тілде мәтін бар"),
    Q_TITLE("Вопрос", "Сұрақ"),
    Q_CONTENT("Ответ (HTML)", "Жауап (HTML)"),
    Q_CONTENT_HINT(
            "Разметка платформ: span class=\"desktop_only\", \"mobile_only\", \"mobileApp_only\"; макросы %вставка …%.",
            "Платформа белгілері: span class=\"desktop_only\", \"mobile_only\", \"mobileApp_only\"; %вставка …% макростары."),
    Q_UPDATED("Дата обновления", "Жаңартылған күні"),
    Q_PUBLISHED("Дата публикации", "Жарияланған уақыты"),
    Q_SEO("SEO и индексация", "SEO және индекстеу"),
    Q_META_TITLE("Meta title (пусто — по умолчанию)", "Meta title (бос болса — әдепкі)"),
    Q_META_DESCRIPTION("Meta description (пусто — по умолчанию)", "Meta description (бос болса — әдепкі)"),
    Q_META_H1("Заголовок H1 (пусто — вопрос)", "H1 тақырыбы (бос болса — сұрақ)"),
    Q_NO_INDEX("Не индексировать (noindex)", "Индекстемеу (noindex)"),
    Q_NO_FOLLOW("Не переходить по ссылкам (nofollow)", "Сілтемелерге өтпеу (nofollow)"),
    Q_NOTE("Комментарий к ревизии", "Нұсқаға түсініктеме"),
    Q_SAVE("Сохранить черновик", "Жобаны сақтау"),
    Q_PUBLISH("Опубликовать сейчас", "Қазір жариялау"),
    Q_SCHEDULE_AT("Опубликовать в", "Жариялау уақыты"),
    Q_SCHEDULE("Запланировать", "Жоспарлау"),
    Q_UNPUBLISH("Снять с публикации", "Жариялаудан алу"),
    Q_DELETE("Удалить…", "Жою…"),
    Q_PREVIEW("Предпросмотр", "Алдын ала қарау"),
    Q_PREVIEW_LOCALE("Язык предпросмотра", "Алдын ала қарау тілі"),
    Q_PREVIEW_HINT(
            "Так вопрос увидят читатели. Предпросмотр обновляется при вводе; без JavaScript — сохранённая ревизия.",
            "Оқырмандар сұрақты осылай көреді. Теру кезінде жаңарады; JavaScript болмаса — сақталған нұсқа."),
    Q_PREVIEW_EMPTY("Сохраните черновик или начните вводить текст.", "Жобаны сақтаңыз немесе мәтін тере бастаңыз."),
    Q_PLATFORM_DESKTOP("Компьютер", "Компьютер"),
    Q_PLATFORM_MOBILE("Мобильный сайт", "Мобильді сайт"),
    Q_PLATFORM_APP("Приложение", "Қосымша"),
    Q_FINDINGS("Замечания к тексту", "Мәтінге ескертулер"),
    Q_FINDING_SANITIZED("удалено при очистке", "тазалау кезінде алынды"),
    Q_FINDING_OTHER("проверка", "тексеру"),
    Q_DONE_SAVED("Черновик сохранён. Читатели его пока не видят.", "Жоба сақталды. Оқырмандар оны әлі көрмейді."),
    Q_DONE_UNCHANGED("Ничего не изменилось: новая ревизия не нужна.", "Ештеңе өзгерген жоқ: жаңа нұсқа қажет емес."),
    Q_DONE_PUBLISHED(
            "Опубликовано. Страницы, поиск и карта сайта обновятся в течение секунды.",
            "Жарияланды. Беттер, іздеу және сайт картасы бір секунд ішінде жаңарады."),
    Q_DONE_SCHEDULED(
            "Запланировано: вопрос появится у читателей в указанное время.",
            "Жоспарланды: сұрақ оқырмандарға көрсетілген уақытта шығады."),
    Q_DONE_UNPUBLISHED("Снято с публикации. История сохранена.", "Жариялаудан алынды. Тарих сақталды."),
    Q_DONE_DELETED(
            "Вопрос удалён. Его ревизии сохранены; любую можно восстановить.",
            "Сұрақ жойылды. Нұсқалары сақталды; кез келгенін қалпына келтіруге болады."),
    Q_DONE_RESTORED("Ревизия восстановлена как новый черновик.", "Нұсқа жаңа жоба ретінде қалпына келтірілді."),
    Q_ERROR("Не сохранено", "Сақталмады"),
    Q_DELETE_TITLE("Удаление вопроса", "Сұрақты жою"),
    Q_DELETE_HEADING("Удалить вопрос %d «%s»?", "%d-сұрақты «%s» жою керек пе?"),
    Q_DELETE_EXPLAIN(
            "Вопрос исчезнет со страниц, из поиска и карты сайта. Его ревизии останутся, и публикатор сможет восстановить любую.",
            "Сұрақ беттерден, іздеуден және сайт картасынан жоғалады. Нұсқалары қалады, жариялаушы кез келгенін қалпына келтіре алады."),
    Q_DELETE_CONFIRM("Да, удалить", "Иә, жою"),
    Q_CANCEL("Отмена", "Болдырмау"),
    Q_REVISIONS_TITLE("История вопроса", "Сұрақ тарихы"),
    Q_REVISIONS_HEADING("История вопроса %d «%s»", "%d-сұрақтың тарихы «%s»"),
    Q_REVISION("Ревизия", "Нұсқа"),
    Q_AUTHOR("Автор", "Авторы"),
    Q_WHEN("Когда", "Қашан"),
    Q_LIVE("Видят читатели", "Оқырмандар көреді"),
    Q_FROM("Было", "Бұрын"),
    Q_TO("Стало", "Кейін"),
    Q_COMPARE("Сравнить", "Салыстыру"),
    Q_RESTORE("Восстановить", "Қалпына келтіру"),
    Q_VIEW("Просмотр", "Қарау"),
    Q_BACK_TO_EDITOR("К редактору", "Редакторға"),
    Q_DIFF_TITLE("Сравнение ревизий", "Нұсқаларды салыстыру"),
    Q_DIFF_HEADING("Вопрос %d: ревизия %d → %d", "%d-сұрақ: %d → %d нұсқа"),
    Q_DIFF_FIELD("Поле", "Өріс"),
    Q_DIFF_NONE("Ревизии совпадают.", "Нұсқалар бірдей."),
    Q_NEW_QUESTION("Новый вопрос", "Жаңа сұрақ"),
    Q_OPEN_BY_ID("Открыть вопрос по номеру", "Сұрақты нөмірі бойынша ашу"),
    Q_OPEN("Открыть", "Ашу"),
    Q_PENDING("Черновики и запланированные", "Жобалар мен жоспарланғандар"),
    Q_PENDING_NONE("Нет черновиков и запланированных вопросов.", "Жобалар мен жоспарланған сұрақтар жоқ."),
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

    /** A finding's kind for people: the sanitizer's, else lint's own code. */
    public static String findingKind(String kind, Locale locale) {
        return kind.equals("sanitized") ? Q_FINDING_SANITIZED.in(locale) : Q_FINDING_OTHER.in(locale) + ": " + kind;
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
