package kz.komek.admin.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.Role;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;

/**
 * {@code GET /api/v1/admin/analytics/{figure}?site=&locale=&days=}: a figure's table as JSON, the same rows as the page
 * and its CSV file, each row an object keyed by the columns. Viewers and up.
 */
public final class AnalyticsApi {
    private final AdminAccess access;
    private final AnalyticsStore store;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    AnalyticsApi(AdminAccess access, AnalyticsStore store, Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    public void figure(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Figure figure = Figure.parse(ctx.pathParam("figure"))
                .orElseThrow(() -> new NotFoundException(
                        "no analytics figure \"" + ctx.pathParam("figure") + "\"; there are: " + Figure.keys()));
        Period period = Period.parse(
                Optional.ofNullable(ctx.queryParam("site")),
                Optional.ofNullable(ctx.queryParam("locale")),
                Optional.ofNullable(ctx.queryParam("days")),
                store.sites(),
                Locale.DEFAULT,
                LocalDate.now(clock));
        ctx.json(json(store.read(figure, period), period));
    }

    ObjectNode json(Table table, Period p) {
        ObjectNode out = mapper.createObjectNode();
        out.put("figure", table.figure().key());
        out.put("site", p.site());
        out.put("locale", p.locale().code());
        out.put("days", p.days());
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        ArrayNode columns = out.putArray("columns");
        table.figure().columns().forEach(columns::add);
        ArrayNode rows = out.putArray("rows");
        for (List<Object> row : table.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < row.size(); i++) {
                String key = table.figure().columns().get(i);
                Object cell = row.get(i);
                if (cell == null) {
                    o.putNull(key);
                } else if (cell instanceof Long n) {
                    o.put(key, n);
                } else if (cell instanceof BigDecimal d) {
                    o.put(key, d);
                } else {
                    o.put(key, cell.toString());
                }
            }
        }
        return out;
    }
}
