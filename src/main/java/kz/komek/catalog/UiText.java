package kz.komek.catalog;

import kz.komek.i18n.Bilingual;
import kz.komek.i18n.BilingualText;
import kz.komek.i18n.Locale;

/**
 * Every interface text of the visitor pages, in both locales, in one place so that a translator reviews one file.
 * Texts with {@code %s}/{@code %d} are formats for {@link #format(Locale, Object...)}.
 */
public enum UiText implements BilingualText {
    /** The brand's name and what it is: the logo's label. */
    BRAND("%s — справочный центр", "%s — анықтама орталығы"),
    BACK("Назад: %s", "Артқа: %s"),
    CURRENT_QUESTION("открыт", "ашық"),
    YOUR_CHOICE("ваш выбор", "сіздің таңдауыңыз"),
    ALL_QUESTIONS("Все вопросы (%d)", "Барлық сұрақтар (%d)"),
    ALL_MATERIALS("Все материалы (%d)", "Барлық материалдар (%d)"),
    SKIP_TO_CONTENT("Перейти к содержимому", "Негізгі мазмұнға өту"),
    HOME("Главная", "Басты бет"),
    SEARCH("Поиск", "Іздеу"),
    SEARCH_LABEL("Найти ответ", "Жауап іздеу"),
    SEARCH_PLACEHOLDER("Например, бонусы", "Мысалы, бонус"),
    LANGUAGE("Язык", "Тіл"),
    /** The locale's own name, shown on the switch that leads to it. */
    LANGUAGE_NAME("Русский", "Қазақша"),
    SITES("Для кого справка", "Анықтама кімге арналған"),
    BREADCRUMBS("Вы здесь", "Сіз осындасыз"),
    THEMES("Темы", "Тақырыптар"),
    SUBTHEMES("Подтемы", "Ішкі тақырыптар"),
    QUESTIONS("Вопросы", "Сұрақтар"),
    OTHER_QUESTIONS("Другие вопросы", "Басқа сұрақтар"),
    NO_QUESTIONS("Здесь пока нет вопросов.", "Бұл жерде әзірге сұрақ жоқ."),
    PRODUCTS("Продукты и сервисы", "Өнімдер мен қызметтер"),
    UPDATED("Обновлено", "Жаңартылды"),
    FOUND_USEFUL("Сочли полезным: %d%%", "Пайдалы деп тапқандар: %d%%"),
    WAS_USEFUL("Был ли ответ полезен?", "Жауап пайдалы болды ма?"),
    YES("Да", "Иә"),
    NO("Нет", "Жоқ"),
    // accessible names start with the visible word (WCAG 2.5.3) and say what it answers
    YES_USEFUL("Да, ответ полезен", "Иә, жауап пайдалы"),
    NO_NOT_USEFUL("Нет, ответ не помог", "Жоқ, жауап көмектеспеді"),
    VOTE_THANKS("Спасибо за оценку!", "Бағалағаныңыз үшін рақмет!"),
    VOTED_USEFUL("Вы отметили, что ответ полезен.", "Сіз жауапты пайдалы деп белгіледіңіз."),
    VOTED_NOT_USEFUL("Вы отметили, что ответ не помог.", "Сіз жауап көмектеспеді деп белгіледіңіз."),
    VOTE_CHANGE("Можно изменить оценку:", "Бағаны өзгертуге болады:"),
    REASON_QUESTION("Что не так с ответом?", "Жауаптың несі дұрыс емес?"),
    // the reasons a "not useful" vote may name (feedback.VoteReason gives their codes)
    REASON_NO_ANSWER("Нет ответа на мой вопрос", "Сұрағыма жауап жоқ"),
    REASON_UNCLEAR("Сложно понять", "Түсіну қиын"),
    REASON_OUTDATED("Информация устарела или неверна", "Ақпарат ескірген немесе қате"),
    REASON_OTHER("Другое", "Басқа"),
    COMMENT_LABEL("Комментарий (необязательно, до 1000 символов)", "Пікір (міндетті емес, 1000 таңбаға дейін)"),
    SEND("Отправить", "Жіберу"),
    TOP_QUESTIONS("Популярные вопросы", "Танымал сұрақтар"),
    HOME_TITLE("Справочный центр", "Анықтама орталығы"),
    HOME_DESCRIPTION("Ответы на вопросы: %s. Справочный центр %s.", "Сұрақтарға жауаптар: %s. %s анықтама орталығы."),
    /**
     * What follows a page's own title, as the seed's meta titles do ("question\n✔ Клиенттерге арналған Kaspi
     * Гид"): the brand's name, then the site's title, which both languages give in the dative ("Клиентам",
     * "Клиенттерге").
     */
    TAGLINE("Справочный центр %1$s · %2$s", "%2$s арналған %1$s анықтамасы"),
    /** The middle of a derived question description, as in the seed ("Kaspi Бонус туралы … ақпарат алыңыз"). */
    ABOUT_PRODUCT("Всё о разделе «%s»", "«%s» туралы толық ақпарат алыңыз"),
    SECTION_DESCRIPTION("Ответы на вопросы по теме «%s».", "«%s» тақырыбы бойынша сұрақтарға жауаптар."),
    NOT_FOUND("Страница не найдена", "Бет табылмады"),
    NOT_FOUND_HINT(
            "Возможно, ссылка устарела или в адресе опечатка. Начните с главной страницы.",
            "Сілтеме ескірген немесе мекенжайда қате болуы мүмкін. Басты беттен бастаңыз."),
    BAD_REQUEST("Неверный запрос", "Қате сұрау"),
    UNAUTHORIZED("Нужно войти", "Кіру қажет"),
    FORBIDDEN("Доступ запрещён", "Қолжетімділік жоқ"),
    TOO_LARGE("Слишком большой запрос", "Сұрау тым үлкен"),
    BODY_TOO_LARGE(
            "Запрос больше %d байт — это самое большее, что принимает сервер (--max-body). Ничего не изменено.",
            "Сұрау %d байттан үлкен — сервер қабылдайтын ең үлкен көлем осы (--max-body). Ештеңе өзгертілген жоқ."),
    TOO_MANY_REQUESTS("Слишком много запросов", "Сұраулар тым көп"),
    TRY_AGAIN_IN(
            "Слишком много оценок с вашего адреса. Попробуйте снова через %d с.",
            "Сіздің мекенжайыңыздан бағалар тым көп. %d секундтан кейін қайталап көріңіз."),
    SERVER_ERROR("Что-то пошло не так", "Бірдеңе дұрыс болмады"),
    ERROR_CODE("Код ошибки", "Қате коды"),
    SEARCH_TITLE("Поиск по справке", "Анықтамадан іздеу"),
    SEARCH_RESULTS_FOR("Результаты по запросу «%s»", "«%s» сұрауы бойынша нәтижелер"),
    SEARCH_FOUND("Найдено: %d", "Табылды: %d"),
    /** Only ever with {@code SearchResults.COUNTED} (1000, "мың"), whose Kazakh ablative is "-нан". */
    SEARCH_FOUND_MORE("Найдено: более %d", "Табылды: %d-нан астам"),
    SEARCH_UNDERSTOOD_AS("Показаны результаты для «%s»", "«%s» бойынша нәтижелер көрсетілді"),
    SEARCH_DID_YOU_MEAN("Возможно, вы имели в виду", "Мүмкін, сіз мынаны іздедіңіз"),
    SEARCH_NOTHING("По запросу «%s» ничего не нашлось.", "«%s» сұрауы бойынша ештеңе табылмады."),
    SEARCH_TIP_SPELLING("Проверьте, нет ли в запросе опечатки.", "Сұрауда қате жоқ па, тексеріңіз."),
    SEARCH_TIP_WORDS("Попробуйте другие слова или скажите короче.", "Басқа сөздермен немесе қысқарақ жазып көріңіз."),
    SEARCH_ASK_CHAT("Не нашли ответ? Опишите ваш вопрос:", "Жауап таппадыңыз ба? Сұрағыңызды сипаттаңыз:"),
    // the hand-off: "describe your question" before the chat (decision 0045)
    HANDOFF_TITLE("Опишите ваш вопрос", "Сұрағыңызды сипаттаңыз"),
    HANDOFF_LEAD(
            "Напишите, что случилось, своими словами. Мы сразу покажем подходящие ответы, а если их нет — передадим"
                    + " вопрос в чат.",
            "Не болғанын өз сөзіңізбен жазыңыз. Біз бірден лайықты жауаптарды көрсетеміз, ал олар болмаса, сұрағыңызды"
                    + " чатқа жібереміз."),
    HANDOFF_LABEL("Ваш вопрос", "Сіздің сұрағыңыз"),
    HANDOFF_HINT(
            "Не пишите номер карты, телефона и ИИН: они не нужны, и мы их скроем.",
            "Карта, телефон нөмірін және ЖСН жазбаңыз: олар қажет емес, біз оларды жасырамыз."),
    HANDOFF_SUBMIT("Найти ответ", "Жауап табу"),
    HANDOFF_DIRECT("Сразу написать в чат", "Бірден чатқа жазу"),
    HANDOFF_YOU_ASKED("Ваш вопрос", "Сіздің сұрағыңыз"),
    HANDOFF_ANSWER("Похоже, вот ответ на ваш вопрос", "Сұрағыңыздың жауабы осы сияқты"),
    HANDOFF_SUGGEST("Возможно, ответ здесь", "Мүмкін, жауап осында"),
    HANDOFF_NONE(
            "Готового ответа не нашлось. Напишите в чат — ответит специалист.",
            "Дайын жауап табылмады. Чатқа жазыңыз — маман жауап береді."),
    HANDOFF_OPEN("Читать ответ", "Жауапты оқу"),
    HANDOFF_USEFUL("Это ответ на мой вопрос", "Бұл менің сұрағымның жауабы"),
    HANDOFF_THANKS("Спасибо! Рады, что ответ нашёлся.", "Рақмет! Жауап табылғанына қуаныштымыз."),
    HANDOFF_STILL(
            "Не то, что нужно? Напишите в чат — ответит специалист.",
            "Бұл емес пе? Чатқа жазыңыз — маман жауап береді."),
    HANDOFF_CHAT("Написать в чат", "Чатқа жазу"),
    HANDOFF_AGAIN("Спросить по-другому", "Басқаша сұрау"),
    /** "Results 21–40 of 97". */
    SEARCH_SHOWN("Результаты %d–%d из %d", "Нәтижелер: %d–%d (барлығы %d)"),
    /** Only ever with {@code SearchResults.COUNTED} (1000, "мың"), whose Kazakh ablative is "-нан". */
    SEARCH_SHOWN_MORE("Результаты %d–%d из более чем %d", "Нәтижелер: %d–%d (барлығы %d-нан астам)"),
    /** Only ever with {@code SearchRequest.MAX_DEPTH} (200): "200 результатов". */
    SEARCH_DEPTH(
            "Показаны первые %d результатов. Если нужного ответа среди них нет, уточните запрос.",
            "Алғашқы %d нәтиже ғана көрсетіледі. Қажетті жауап болмаса, сұрауды нақтылаңыз."),
    SEARCH_PAGES("Страницы результатов", "Нәтиже беттері"),
    SEARCH_PAGE_N("Страница %d", "%d-бет"),
    SEARCH_PAGE_TITLE("%s — страница %d", "%s — %d-бет"),
    SEARCH_PREVIOUS("Предыдущая", "Алдыңғы"),
    SEARCH_NEXT("Следующая", "Келесі"),
    /** Read before a result's section path (product › theme › subtheme), not shown. */
    SEARCH_SECTION("Раздел:", "Бөлім:"),
    /** The list of suggestions under a search box, named for screen readers. */
    SUGGESTIONS("Подсказки", "Ұсыныстар"),
    SUGGESTIONS_COUNT(
            "Подсказок: %d. Выбирайте стрелками вверх и вниз.",
            "Ұсыныстар: %d. Жоғары және төмен көрсеткі пернелерімен таңдаңыз."),
    SUGGESTIONS_NONE("Подсказок нет", "Ұсыныс жоқ"),
    SEARCH_EMPTY(
            "Введите вопрос, например «как пополнить карту».",
            "Сұрағыңызды жазыңыз, мысалы, «картаны қалай толтырамын»."),
    SEARCH_OTHER_LOCALE("на казахском", "орыс тілінде"),
    // --- videos and documents (tag/videos.jte, tag/documents.jte, search badges) ---
    VIDEOS("Видео", "Бейнелер"),
    DOCUMENTS("Документы", "Құжаттар"),
    NO_VIDEOS("Здесь пока нет видео.", "Бұл жерде әзірге бейне жоқ."),
    NO_DOCUMENTS("Здесь пока нет документов.", "Бұл жерде әзірге құжат жоқ."),
    /** A search hit's kind: a video, a document. */
    KIND_VIDEO("Видео", "Бейне"),
    KIND_DOCUMENT("Документ", "Құжат"),
    /** The poster's button: its accessible name starts with the visible words and names the video. */
    PLAY_VIDEO("Смотреть видео", "Бейнені көру"),
    /** Said under the poster: nothing is loaded from the host before the click. */
    PLAYS_FROM("Видео загрузится с %s после нажатия.", "Бейне басқаннан кейін %s сайтынан жүктеледі."),
    DURATION("Длительность", "Ұзақтығы"),
    DOWNLOAD_VIDEO("Скачать видео", "Бейнені жүктеп алу"),
    OPENS_IN_NEW_TAB("(откроется в новой вкладке)", "(жаңа қойындыда ашылады)"),
    UNIT_HOURS("ч", "сағ"),
    UNIT_MINUTES("мин", "мин"),
    UNIT_SECONDS("с", "с"),
    UNIT_BYTES("байт", "байт"),
    UNIT_KB("КБ", "КБ"),
    UNIT_MB("МБ", "МБ"),
    UNIT_GB("ГБ", "ГБ"),
    FOOTER(
            "%s — справочный центр. Ответы на частые вопросы.",
            "%s — анықтама орталығы. Жиі қойылатын сұрақтарға жауаптар.");

    private final Bilingual text;

    UiText(String ru, String kz) {
        this.text = new Bilingual(ru, kz);
    }

    @Override
    public Bilingual text() {
        return text;
    }
}
