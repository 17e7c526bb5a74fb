package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A campaign as the demo club's users make it: the editor composes it step by step (audience
 * picker with its exclusions, a template, a test), submits it; the director approves it and
 * watches it being sent into the sandbox, then opens the history drill-down.
 */
class CampaignsBrowserTests extends BrowserTest {

    @Test
    void anEditorComposesAndSubmitsAndTheDirectorApprovesAndWatchesItSend() {
        login("editeur@vitalis-lyon.demo");
        openNav("Campagnes");
        page.locator("#new-campaign").click();
        String name = "AG " + System.nanoTime() % 1_000_000;
        page.locator("#campaign-name input").fill(name);
        assertThat(page.locator("#campaign-type")).containsText("Informatif");
        shot("50-campaign-details");

        page.locator("#step-next").click();
        page.locator("#audience-builtins vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Adhérents actifs"))
                .locator("input").click();
        assertThat(page.locator("#audience-recipients")).hasText(Pattern.compile("[\\d  ]+ destinataires"));
        assertThat(page.locator("#audience-count")).containsText("Membres associés");
        shot("51-campaign-audience");

        page.locator("#step-next").click();
        page.locator("#campaign-template input").fill("Relance fin");
        page.locator("vaadin-combo-box-item >> visible=true").first().click();
        page.locator("#campaign-subject input").fill("Assemblée générale, {{ contact.firstName }}");
        shot("52-campaign-content");

        page.locator("#step-next").click();
        page.locator("#campaign-test-to textarea").fill("editeur@vitalis-lyon.demo");
        page.locator("#campaign-test-send").click();
        assertThat(page.getByText("1 e-mails de test envoyés")).isVisible();
        shot("53-campaign-test");

        page.locator("#step-next").click();
        assertThat(page.locator("#review-recipients")).hasText(Pattern.compile("[\\d  ]+ destinataires"));
        assertThat(page.locator("#review-credits")).containsText("Crédits nécessaires");
        shot("54-campaign-review");
        page.locator("#campaign-send").click();
        assertThat(page.locator("#campaign-status")).hasText("À approuver");
        shot("55-campaign-submitted");

        context.close();
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 860)
                .setLocale("fr-FR"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        login("directrice@vitalis-lyon.demo");
        // the header tells the approver something waits, and opens the list filtered on it
        page.locator("#header-approvals").click();
        assertThat(page).hasURL(Pattern.compile(".*/campaigns\\?status=PENDING_APPROVAL"));
        assertThat(page.locator("#campaigns-to-approve")).isVisible();
        page.locator("#campaigns-search input").fill(name);
        assertThat(page.locator("#campaigns-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(name)).first()).isVisible();
        shot("56-campaign-list-to-approve");
        page.locator("#campaigns-grid vaadin-menu-bar-button >> visible=true").first().click();
        page.locator("vaadin-menu-bar-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Ouvrir")).click();
        assertThat(page.locator("#campaign-approve")).isVisible();
        page.locator("#campaign-review-comment textarea").fill("Parfait, merci");
        shot("57-campaign-to-approve");
        page.locator("#campaign-approve").click();
        assertThat(page.locator("#campaign-status")).hasText(Pattern.compile("En cours d’envoi|Envoyée"));
        shot("58-campaign-sending");
        assertThat(page.locator("#campaign-status")).hasText("Envoyée",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#figure-pending")).containsText("0");
        // opens over time: a Chart.js bar chart drawn from the bundled library (people and machines apart)
        assertThat(page.locator("#campaign-opens-chart canvas")).isVisible();
        assertThat(page.getByText("Ouvertures dans le temps")).isVisible();
        assertThat(page.getByText("Ouvertures conservées 24 mois")).isVisible();
        shot("59-campaign-sent");
        page.locator(".pv-run-details").first().click();
        assertThat(page.locator("#run-details")).containsText("Adhérents actifs");
        assertThat(page.locator("#run-recipients vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Envoyé")).first()).isVisible();
        assertThat(page.locator("#run-export")).isVisible();
        assertThat(page.getByText("Destinataires conservés 24 mois")).isVisible();
        shot("60-campaign-run-details");
        page.locator("#run-recipients vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("@vitalis-lyon.exemple.fr")).first().click();
        assertThat(page.locator("#contact-name")).isVisible();
        page.getByText("Communication").first().click();
        assertThat(page.locator("#contact-messages")).containsText(name);
        shot("61-member-communication");
    }
}
