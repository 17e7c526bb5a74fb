package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo club's director adds a sending domain in Settings → Sending domains, reads the three DNS
 * records to publish, verifies them (this machine's DNS does not know the domain) and rotates the key.
 */
class SendingDomainsBrowserTests extends BrowserTest {

    @Test
    void theDirectorAddsADomainReadsItsRecordsVerifiesAndRotatesTheKey() {
        login("directrice@vitalis-lyon.demo");
        openNav("Domaines d’envoi");
        String domain = "club" + System.nanoTime() % 1_000_000 + ".exemple.fr";
        page.locator("#domain-name input").fill(domain);
        page.locator("#domain-add").click();
        Locator panel = page.locator("#domain-" + domain.replace('.', '-'));
        assertThat(panel).isVisible();
        assertThat(panel.locator(".pv-dns-record[data-kind='DKIM'] .pv-dns-value")).hasText(Pattern.compile("v=DKIM1; k=rsa; p=MII.+"));
        assertThat(panel.locator(".pv-dns-record[data-kind='SPF'] .pv-dns-value")).hasText(Pattern.compile("v=spf1 .+ ~all"));
        assertThat(panel.locator(".pv-dns-record[data-kind='DMARC'] .pv-dns-value")).hasText("v=DMARC1; p=none; rua=mailto:dmarc@" + domain);
        assertThat(panel.locator(".pv-dns-copy")).hasCount(3);
        assertThat(panel.locator(".pv-domain-check")).hasText("Enregistrements DNS non vérifiés.");

        panel.locator(".pv-domain-verify").click();
        assertThat(panel.locator(".pv-domain-check")).hasText(Pattern.compile("(Dernière vérification|Non vérifié : DNS injoignable).*"));
        assertThat(panel.locator(".pv-dns-status").first()).hasText(Pattern.compile("Absent|Non vérifié : DNS injoignable"));
        shot("70-sending-domains");

        String selector = panel.locator("p").first().textContent();
        panel.locator(".pv-domain-rotate").click();
        page.locator("#domain-confirm").click();
        assertThat(panel.locator(".pv-domain-check")).hasText("Enregistrements DNS non vérifiés.");
        assertThat(panel.locator("p").first()).not().hasText(selector);
        shot("71-sending-domains-rotated");
    }
}
