package kz.komek.admin.analytics;

import kz.komek.i18n.Bilingual;
import kz.komek.i18n.BilingualText;

/** The analytics page's texts in both locales (the admin's shared texts are in AdminText). */
enum AnalyticsText implements BilingualText {
    INTRO(
            "Что читатели смотрели, как оценивали ответы и что искали — по сайту, языку и периоду.",
            "Оқырмандар не қарады, жауаптарды қалай бағалады және не іздеді — сайт, тіл және кезең бойынша."),
    CHOOSE("Показать", "Көрсету"),
    SITE("Сайт", "Сайт"),
    LANGUAGE("Язык", "Тіл"),
    PERIOD("Период", "Кезең"),
    DAYS("%d дней", "%d күн"),
    RANGE("С %s по %s.", "%s бастап %s дейін."),
    RU("русский", "орыс тілі"),
    KZ("казахский", "қазақ тілі"),
    CSV("CSV", "CSV"),
    CSV_OF("Скачать «%s» в CSV", "«%s» CSV түрінде жүктеу"),
    TABLE("Таблица", "Кесте"),
    EMPTY("Нет данных за период.", "Кезеңде дерек жоқ."),
    CHART_NOTE("Диаграмма; те же цифры — в таблице под ней.", "Диаграмма; сол сандар төмендегі кестеде."),
    NEW_QUESTION("создать вопрос", "сұрақ жасау"),
    // figures
    VIEWS("Просмотры по дням", "Күн бойынша қаралым"),
    VIEWS_NOTE(
            "Просмотры страниц вопросов сайта на обоих языках: просмотры считаются по вопросу, не по языку.",
            "Сайт сұрақтары беттерінің екі тілдегі қаралымы: қаралым тіл бойынша емес, сұрақ бойынша есептеледі."),
    VOTES("Оценки по дням и доля полезных", "Күн бойынша бағалар және пайдалы үлесі"),
    VOTES_NOTE(
            "Поданные оценки: первая оценка читателя или изменённая; повтор той же не считается.",
            "Берілген бағалар: оқырманның алғашқы немесе өзгерген бағасы; сол бағаның қайталануы есептелмейді."),
    TREND("Доля полезных, %", "Пайдалы үлесі, %"),
    REASONS("Причины «не помог» по дням", "Күн бойынша «көмектеспеді» себептері"),
    COMMENTS("Комментарии к оценкам «не помог»", "«Көмектеспеді» бағаларына пікірлер"),
    TOP("Самые полезные вопросы", "Ең пайдалы сұрақтар"),
    BOTTOM("Наименее полезные вопросы", "Ең аз пайдалы сұрақтар"),
    WILSON(
            "Порядок — по 95%% интервалу Уилсона (где истинная доля полезных при таком числе оценок): лучшие — по"
                    + " нижней границе, худшие — по верхней; не меньше %d оценок за период.",
            "Реті — Уилсонның 95%% аралығы бойынша (осынша бағада пайдалылардың шын үлесі қай жерде): ең жақсылары —"
                    + " төменгі шегі, ең нашарлары — жоғарғы шегі бойынша; кезеңде кемінде %d баға."),
    ZERO_RESULTS("Поиски без результатов", "Нәтижесіз іздеулер"),
    ZERO_RESULTS_NOTE(
            "Запросы в нижнем регистре, пробелы схлопнуты. Ссылка начинает новый вопрос с этим заголовком.",
            "Сұраулар кіші әріппен, бос орындар біріктірілген. Сілтеме осы тақырыппен жаңа сұрақ бастайды."),
    UNOPENED("Поиски, после которых не открыли ответ", "Жауап ашылмаған іздеулер"),
    UNOPENED_NOTE(
            "Поиски на странице поиска, которые что-то нашли, и сколько раз из их результатов открывали ответ.",
            "Іздеу бетінде бір нәрсе тапқан іздеулер және олардың нәтижелерінен жауап қанша рет ашылғаны."),
    DEFLECTION("Ответы до оператора", "Операторға дейінгі жауаптар"),
    DEFLECTION_NOTE(
            "Сообщения, на которые komek предложил ответы, и сколько из них всё же ушли в чат; доля — не ушедшие.",
            "komek жауап ұсынған хабарламалар және олардың қаншасы бәрібір чатқа кеткені; үлес — кетпегендері."),
    DEFLECTION_TOTAL(
            "Всего: %d сообщений, %d ушли в чат, без чата — %s %%.",
            "Барлығы: %d хабарлама, %d чатқа кетті, чатсыз — %s %%."),
    CHATS("Предложения, после которых ушли в чат", "Чатқа кеткен ұсыныстар"),
    NEVER_VIEWED("Вопросы без просмотров за период", "Кезеңде қаралмаған сұрақтар"),
    NEVER_VIEWED_NOTE("Опубликованные вопросы сайта на этом языке.", "Сайттың осы тілдегі жарияланған сұрақтары."),
    // columns
    COL_DAY("День", "Күн"),
    COL_VIEWS("Просмотры", "Қаралым"),
    COL_USEFUL("Полезно", "Пайдалы"),
    COL_NOT_USEFUL("Не помог", "Көмектеспеді"),
    COL_USEFUL_PERCENT("Полезных, %", "Пайдалы, %"),
    COL_NO_ANSWER("Нет ответа", "Жауап жоқ"),
    COL_UNCLEAR("Непонятно", "Түсініксіз"),
    COL_OUTDATED("Устарело", "Ескірген"),
    COL_OTHER("Другое", "Басқа"),
    COL_AT("Когда", "Қашан"),
    COL_QUESTION("Вопрос", "Сұрақ"),
    COL_TITLE("Заголовок", "Тақырып"),
    COL_REASON("Причина", "Себеп"),
    COL_COMMENT("Комментарий", "Пікір"),
    COL_LOWER("Нижняя граница, %", "Төменгі шегі, %"),
    COL_UPPER("Верхняя граница, %", "Жоғарғы шегі, %"),
    COL_QUERY("Запрос", "Сұрау"),
    COL_SEARCHES("Поиски", "Іздеулер"),
    COL_OPENED("Открыли ответ", "Жауап ашылды"),
    COL_MESSAGES("Сообщения", "Хабарламалар"),
    COL_CHAT("Ушли в чат", "Чатқа кетті"),
    COL_DEFLECTION_PERCENT("Без чата, %", "Чатсыз, %"),
    COL_MESSAGE("Сообщение (скрыто личное)", "Хабарлама (жеке деректер жасырылған)"),
    COL_SUGGESTED("Предложено", "Ұсынылды"),
    COL_CONFIDENCE("Уверенность", "Сенімділік");

    private final Bilingual text;

    AnalyticsText(String ru, String kz) {
        this.text = new Bilingual(ru, kz);
    }

    @Override
    public Bilingual text() {
        return text;
    }

    /** A column's heading. */
    static AnalyticsText column(String key) {
        return switch (key) {
            case "day" -> COL_DAY;
            case "views" -> COL_VIEWS;
            case "useful" -> COL_USEFUL;
            case "not_useful" -> COL_NOT_USEFUL;
            case "useful_percent" -> COL_USEFUL_PERCENT;
            case "no_answer" -> COL_NO_ANSWER;
            case "unclear" -> COL_UNCLEAR;
            case "outdated" -> COL_OUTDATED;
            case "other" -> COL_OTHER;
            case "at" -> COL_AT;
            case "question" -> COL_QUESTION;
            case "title" -> COL_TITLE;
            case "reason" -> COL_REASON;
            case "comment" -> COL_COMMENT;
            case "lower_bound_percent" -> COL_LOWER;
            case "upper_bound_percent" -> COL_UPPER;
            case "query" -> COL_QUERY;
            case "searches" -> COL_SEARCHES;
            case "opened" -> COL_OPENED;
            case "messages" -> COL_MESSAGES;
            case "chat" -> COL_CHAT;
            case "deflection_percent" -> COL_DEFLECTION_PERCENT;
            case "message" -> COL_MESSAGE;
            case "suggested" -> COL_SUGGESTED;
            case "confidence" -> COL_CONFIDENCE;
            default -> throw new IllegalArgumentException("no heading for column " + key);
        };
    }

    /** A figure's heading. */
    static AnalyticsText heading(Figure f) {
        return switch (f) {
            case VIEWS -> VIEWS;
            case VOTES -> VOTES;
            case REASONS -> REASONS;
            case COMMENTS -> COMMENTS;
            case TOP -> TOP;
            case BOTTOM -> BOTTOM;
            case ZERO_RESULTS -> ZERO_RESULTS;
            case UNOPENED -> UNOPENED;
            case DEFLECTION -> DEFLECTION;
            case CHATS -> CHATS;
            case NEVER_VIEWED -> NEVER_VIEWED;
        };
    }
}
