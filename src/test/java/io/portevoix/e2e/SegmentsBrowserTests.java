package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The segment builder on the demo club: rules, live count, the result with its CSV export, saving. */
class SegmentsBrowserTests extends BrowserTest {

    private static byte[] readAll(com.microsoft.playwright.Download download) {
        try (var in = download.createReadStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAdministratorBuildsASegmentWithALiveCountAndSavesIt() {
        login("directrice@vitalis-lyon.demo");
        openNav("Segments");
        assertThat(page.locator("#segment-count")).hasText(Pattern.compile("[\\d  ]+ contacts"));
        String all = page.locator("#segment-count").textContent();
        assertThat(page.locator("#builtin-segments vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Dirigeants actifs")).first()).isVisible();

        Locator rule = page.locator(".pv-rule").first();
        rule.locator("vaadin-combo-box.pv-rule-field input").fill("Statut");
        page.locator("vaadin-combo-box-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Statut")).first().click();
        rule.locator("vaadin-combo-box.pv-rule-choice input").fill("Client");
        page.locator("vaadin-combo-box-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Ancien client")).first()
                .waitFor();
        rule.locator("vaadin-combo-box.pv-rule-choice input").press("Enter");
        assertThat(page.locator("#segment-count")).not().hasText(all);
        String clients = page.locator("#segment-count").textContent();
        shot("40-segment-builder");

        page.locator("#add-group").click();
        Locator group = page.locator(".pv-rule-group").first();
        group.locator(".pv-group-add-rule").click();
        Locator nested = group.locator(".pv-rule").first();
        nested.locator("vaadin-combo-box.pv-rule-field input").fill("Statut");
        page.locator("vaadin-combo-box-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Statut")).first().click();
        nested.locator("vaadin-combo-box.pv-rule-choice input").fill("Prospect");
        page.locator("vaadin-combo-box-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Prospect")).first().waitFor();
        nested.locator("vaadin-combo-box.pv-rule-choice input").press("Enter");
        assertThat(page.locator("#segment-count")).hasText(Pattern.compile("^0 contact"));
        shot("43-segment-nested-group");
        group.locator("vaadin-button[aria-label='Retirer le groupe']").click();
        assertThat(page.locator("#segment-count")).hasText(clients);

        page.locator("#result-show").click();
        assertThat(page.locator("#segment-members vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Client")).first()).isVisible();
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#result-export").click());
        String csv = new String(readAll(download), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith("\uFEFFlastName;firstName;email;mobile;status;subscription.endDate\r\n")
                .contains(";Client;");
        org.assertj.core.api.Assertions.assertThat(csv.lines().filter(line -> line.contains(";Prospect;")).count()).isZero();
        shot("42-segment-result-export");

        page.locator("#segment-name input").fill("Clients " + System.nanoTime());
        page.locator("#save-segment").click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^Clients \\d+"))).first()).isVisible();
        shot("41-segment-saved");
    }
}
