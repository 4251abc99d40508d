package kz.komek.admin.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.komek.admin.Role;
import kz.komek.admin.accounts.Password;
import kz.komek.admin.accounts.UserName;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;

class LintApiTest {
    @Test
    void theReportListsEveryKindOfProblemOverHttp() throws Exception {
        try (var app = TestApp.withBundle("/fixtures/lint.bundle.json")) {
            assertThat(app.get("/api/v1/admin/lint").statusCode())
                    .as("anonymous")
                    .isEqualTo(401);
            app.app().accounts().addUser(new UserName("dana"), Role.VIEWER, new Password("correct horse battery"));
            String token = app.app()
                    .accounts()
                    .createToken(new UserName("dana"), "lint")
                    .value();
            var r = app.get("/api/v1/admin/lint?site=client", "Authorization", "Bearer " + token);
            assertThat(r.statusCode()).isEqualTo(200);
            var json = new ObjectMapper().readTree(r.body());
            assertThat(json.get("counts").properties())
                    .extracting(java.util.Map.Entry::getKey)
                    .containsExactlyInAnyOrder(
                            "unknown_macro",
                            "broken_macro",
                            "missing_variant",
                            "broken_link",
                            "empty_answer",
                            "missing_translation");
            assertThat(json.get("findings").findValuesAsText("question")).doesNotContain("9");
            assertThat(app.get("/api/v1/admin/lint?site=partner", "Authorization", "Bearer " + token)
                            .body())
                    .contains("\"total\":0");
        }
    }
}
