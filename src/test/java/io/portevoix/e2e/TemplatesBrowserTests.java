package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The template library and editors on the demo club, in a real browser, fully offline. */
class TemplatesBrowserTests extends BrowserTest {

    private Locator cell(String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    private void search(String text) {
        page.locator("#templates-search input").fill(text);
        page.locator("#templates-search input").press("Enter");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first())
                .isVisible();
        assertThat(page.locator("#templates-grid")).not().hasAttribute("loading", "");
        page.waitForTimeout(300);
    }

    private void pickTag(String menuId, String group, String tag) {
        page.locator("#" + menuId + " vaadin-menu-bar-button >> visible=true").first().click();
        page.locator("vaadin-menu-bar-item >> visible=true").filter(new Locator.FilterOptions().setHasText(group)).first().click();
        page.locator("vaadin-menu-bar-item >> visible=true").filter(new Locator.FilterOptions().setHasText(tag)).first().click();
    }

    @Test
    void anEditorCreatesATemplateFromAStarterInsertsTagsPreviewsItWithAMemberAndSeesTheChecks() {
        List<String> outside = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            // The starters' images use the configured public URL (a port of its own in tests): still this machine.
            if (!request.url().startsWith("http://localhost:") && !request.url().startsWith("data:")
                    && !request.url().startsWith("blob:") && !request.url().startsWith("about:")) {
                outside.add(request.url());
            }
        });
        login("directrice@vitalis-lyon.demo");
        openNav("Modèles");
        search("Rejet");
        assertThat(cell("Rejet de prélèvement")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Verrouillé")).first())
                .isVisible();
        search("Relance");
        // the grid is refreshed by the search: click once the previous rows are gone, not on a row being replaced
        assertThat(cell("Rejet de prélèvement")).isHidden();
        cell("Relance fin d'abonnement").click();
        assertThat(page.locator("#template-preview-frame")).isVisible();
        shot("50-template-library");

        page.locator("#template-new").click();
        page.locator("#new-template-name input").fill("Lettre de décembre");
        page.locator("#new-template-starter vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Deux colonnes"))
                .first().click();
        shot("51-new-template");
        page.locator("#new-template-create").click();
        page.waitForURL(Pattern.compile(".*/templates/[0-9a-f-]+/email"));
        Locator canvas = page.locator("iframe.gjs-frame");
        assertThat(canvas).isVisible();
        assertThat(page.frameLocator("iframe.gjs-frame").locator("body")).containsText("Nouveaux cours");

        page.locator("#template-subject input").fill("Décembre au club, ");
        pickTag("template-subject-tags", "Adhérent", "{{ contact.firstName }}");
        assertThat(page.locator("#template-subject input")).hasValue(Pattern.compile("Décembre au club, \\{\\{ contact\\.firstName }}"));

        page.frameLocator("iframe.gjs-frame").locator("h1").first().click();
        pickTag("body-tags", "Adhérent", "{{ contact.lastName }}");
        assertThat(page.frameLocator("iframe.gjs-frame").locator("h1").first()).containsText("{{ contact.lastName }}");
        page.locator("#template-save").click();
        assertThat(page.locator("#template-saved")).containsText("Enregistré");
        assertThat(page.locator("#check-panel")).isVisible();
        shot("52-template-editor");

        page.locator("#template-preview").click();
        assertThat(page.locator("#preview-subject")).hasText(Pattern.compile("Décembre au club, \\S+"));
        page.locator("#preview-member input").fill("Martin");
        page.locator("vaadin-combo-box-item").first().click();
        assertThat(page.frameLocator("#preview-html").locator("h1").first()).containsText(" Martin");
        String subject = page.locator("#preview-subject").textContent();
        assertThat(subject).doesNotContain("{{").isNotEqualTo("Décembre au club, Élodie");
        String name = subject.substring("Décembre au club, ".length()).strip();
        shot("53-template-preview-member");
        Page browserTab = page.waitForPopup(() -> page.locator("#preview-open").click());
        browserTab.waitForLoadState();
        assertThat(browserTab.locator("body")).containsText("Nouveaux cours");
        assertThat(browserTab.content()).contains(name).doesNotContain("{{ contact");
        browserTab.close();
        assertThat(outside).as("requests outside the application").isEmpty();
    }

    @Test
    void theSmsComposerCountsPartsHighlightsUnicodeAndOffersSevenBitReplacements() {
        login("directrice@vitalis-lyon.demo");
        openNav("Modèles");
        page.locator("#template-new").click();
        page.locator("#new-template-name input").fill("Rappel SMS " + System.nanoTime());
        page.locator("#new-template-channel vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("SMS")).first()
                .click();
        page.locator("#new-template-create").click();
        page.waitForURL(Pattern.compile(".*/templates/[0-9a-f-]+/sms"));
        assertThat(page.locator("#sms-range")).containsText("adhérent");
        assertThat(page.locator("#sms-bubble")).containsText("STOP au 36111");
        page.locator("#sms-text textarea").fill("Fête de fin d’année au club {{ account.name }} samedi : venez nombreux, "
                + "{{ contact.firstName | default: \"adhérent\" }} !");
        assertThat(page.locator("#sms-encoding")).hasText("Unicode (UCS-2)");
        assertThat(page.locator("#sms-highlight .pv-sms-ucs2").first()).isVisible();
        shot("54-sms-composer-unicode");
        page.locator("#sms-replace").click();
        assertThat(page.locator("#sms-encoding")).hasText("GSM 7 bits");
        assertThat(page.locator("#sms-text textarea")).hasValue(Pattern.compile("^Fete de fin d'année.*"));
        page.locator("#template-save").click();
        shot("55-sms-composer-7bit");
    }
}
