package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An SMS campaign as the demo club's director makes it: an informative text with the member's
 * first name and a link, the counter's encoding and parts, a test to a mobile, the per-country
 * table with one country left out, the send into the sandbox gateway and its delivery receipts
 * coming back; then the platform administrator sees the SMS in the Sandbox and answers STOP as
 * a member's phone.
 */
class SmsCampaignsBrowserTests extends BrowserTest {

    private static final String TEST_NUMBER = "06 12 34 56 78";
    private static final String TEST_NUMBER_E164 = "+33612345678";

    @Test
    void theDirectorComposesAnSmsExcludesACountrySendsAndWatchesTheReceipts() {
        login("directrice@vitalis-lyon.demo");
        openNav("Campagnes");
        page.locator("#new-sms-campaign").click();
        String name = "SMS AG " + System.nanoTime() % 1_000_000;
        page.locator("#campaign-name input").fill(name);
        page.locator("#campaign-type").click();
        page.locator("vaadin-select-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Informatif")).click();
        assertThat(page.locator("#campaign-type")).containsText("Informatif");
        shot("60-sms-details");

        page.locator("#step-next").click();
        page.locator("#audience-builtins vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Adhérents actifs"))
                .locator("input").click();
        assertThat(page.locator("#audience-recipients")).hasText(Pattern.compile("[1-9][\\d  ]* destinataires"));
        shot("61-sms-audience");

        page.locator("#step-next").click();
        assertThat(page.locator("#campaign-sender")).isVisible();
        // starting from the club's SMS template puts its text in the composer, which the director then rewrites
        page.locator("#campaign-sms-template input").fill("Rappel de séance");
        page.locator("vaadin-combo-box-item >> visible=true").first().click();
        assertThat(page.locator("#sms-text textarea")).hasValue(Pattern.compile("petit rappel : votre seance.*"));
        page.locator("#sms-text textarea").fill(
                "Bonjour {{ contact.firstName }}, l'AG du club a lieu jeudi à 19 h. Programme : https://vitalis-lyon.exemple.fr/ag");
        assertThat(page.locator("#sms-encoding")).hasText("GSM 7 bits");
        assertThat(page.locator("#sms-figures")).hasText(Pattern.compile("\\d+ caractère\\(s\\) · 1 SMS · encore \\d+"));
        assertThat(page.locator("#sms-bubble")).containsText("Bonjour ");
        assertThat(page.locator("#sms-bubble")).not().containsText("{{");
        assertThat(page.locator("#sms-range")).containsText("adhérent");
        shot("62-sms-content");

        page.locator("#step-next").click();
        page.locator("#campaign-test-to textarea").fill(TEST_NUMBER);
        page.locator("#campaign-test-send").click();
        assertThat(page.getByText("1 SMS de test envoyé(s)")).isVisible();
        shot("63-sms-test");

        page.locator("#step-next").click();
        Locator table = page.locator("#sms-countries");
        assertThat(table.locator(".pv-country").filter(new Locator.FilterOptions().setHasText("France")).first()).isVisible();
        assertThat(page.locator("#country-toggle-FR")).isVisible();
        Locator others = page.locator("#sms-countries vaadin-button[id^='country-toggle-']:not(#country-toggle-FR)");
        assertThat(others.first()).isVisible();
        String recipientsBefore = page.locator("#review-recipients").textContent();
        String creditsBefore = page.locator("#review-credits").textContent();
        shot("64-sms-review");

        String country = others.first().getAttribute("id").substring("country-toggle-".length());
        assertThat(country).matches("[A-Z]{2}");
        page.locator("#country-toggle-" + country).click();
        assertThat(page.locator("#country-toggle-" + country)).hasAttribute("title", "Réinclure " + country);
        assertThat(page.locator("#review-recipients")).not().hasText(recipientsBefore);
        assertThat(page.locator("#review-credits")).not().hasText(creditsBefore);
        assertThat(page.locator("#sms-countries-left")).containsText("dans les pays exclus");
        assertThat(page.locator("#sms-countries [part~='pv-excluded-country']").first()).isAttached();
        assertThat(page.locator("#sms-countries .pv-country-excluded")).hasCount(1);
        assertThat(page.locator("#country-toggle-FR")).hasAttribute("title", "Exclure FR");
        assertThat(digits(page.locator("#review-recipients").textContent())).isLessThan(digits(recipientsBefore));
        shot("65-sms-country-excluded");

        page.locator("#campaign-send").click();
        assertThat(page.locator("#campaign-status")).hasText(Pattern.compile("En cours d’envoi|Envoyée"));
        assertThat(page.locator("#figure-sent h3")).hasText(Pattern.compile("[1-9][\\d  ]*"),
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        shot("66-sms-sending");
        assertThat(page.locator("#figure-delivered h3")).hasText(Pattern.compile("[1-9][\\d  ]*"),
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#campaign-status")).hasText("Envoyée",
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#figure-pending h3")).hasText("0");
        shot("67-sms-delivered");

        Page director = page;
        BrowserContext directorContext = context;
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 860).setLocale("fr-FR"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        login("admin@porte-voix.demo");
        page.navigate(url("/sandbox"));
        page.locator("#sandbox-tabs vaadin-tab").filter(new Locator.FilterOptions().setHasText("SMS")).click();
        Locator sms = page.locator("#sandbox-sms");
        page.locator("#sandbox-sms-search input").fill(TEST_NUMBER);
        assertThat(page.locator("#sandbox-sms-total")).hasText(Pattern.compile("^1 SMS affiché\\(s\\) sur \\d+"));
        assertThat(sms.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(TEST_NUMBER_E164))
                .first()).isVisible();
        assertThat(sms.locator(".pv-sms-receipt").first()).hasText("reçu");
        page.locator("#sandbox-sms-search input").fill("AG du club");
        assertThat(page.locator("#sandbox-sms-total")).hasText(Pattern.compile("^(\\d+) SMS affiché\\(s\\) sur \\1$"));
        assertThat(sms.locator(".pv-sms-receipt").filter(new Locator.FilterOptions().setHasText("reçu")).first()).isVisible();
        assertThat(sms.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^Bonjour [^,]+, l'AG du club"))).first()).isVisible();
        shot("68-sms-sandbox");

        sms.locator("vaadin-menu-bar-button >> visible=true").first().click();
        page.locator("vaadin-menu-bar-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Répondre STOP")).click();
        assertThat(page.getByText(Pattern.compile("Réponse « STOP » envoyée depuis \\+"))).isVisible();
        shot("69-sms-stop");

        context.close();
        context = directorContext;
        page = director;
        String stops = "";
        for (int attempt = 0; attempt < 15 && !stops.equals("1"); attempt++) {
            page.waitForTimeout(2_000);
            page.reload();
            stops = page.locator("#figure-stops h3").textContent().strip();
        }
        assertThat(stops).as("STOP replies counted on the campaign").isEqualTo("1");
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }
}
