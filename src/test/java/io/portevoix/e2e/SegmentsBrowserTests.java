package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The segment builder on the demo club: rules, live count, saving. */
class SegmentsBrowserTests extends BrowserTest {

    @Test
    void anAdministratorBuildsASegmentWithALiveCountAndSavesIt() {
        login("directrice@vitalis-lyon.demo");
        openNav("Segments");
        assertThat(page.locator("#segment-count")).hasText(Pattern.compile("[\\d  ]+ contacts"));
        String all = page.locator("#segment-count").textContent();
        assertThat(page.locator("#builtin-segments vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Dirigeants actifs")).first()).isVisible();

        Locator rule = page.locator(".pv-rule").first();
        rule.locator("vaadin-combo-box input").fill("Statut");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Statut")).first().click();
        rule.locator("vaadin-text-field input").fill("CLIENT");
        page.keyboard().press("Tab");
        assertThat(page.locator("#segment-count")).not().hasText(all);
        shot("40-segment-builder");

        page.locator("#segment-name input").fill("Clients " + System.nanoTime());
        page.locator("#save-segment").click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^Clients \\d+"))).first()).isVisible();
        shot("41-segment-saved");
    }
}
