package io.portevoix.templates;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SocialLinks;
import io.portevoix.tenancy.UpdateAccount;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** One engine for subject, preheader, HTML, text and SMS, with a real member of a real account. */
@PorteVoixTest
class RenderingIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired TemplateRenderer renderer;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;

    ContactDetails member;

    @BeforeEach
    void accountWithAMember() {
        String admin = uniqueEmail("render");
        asSystem(() -> accounts.create(new CreateAccount("Club <Rendu> & Co", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        accounts.update(new UpdateAccount("Club <Rendu> & Co", "Club Rendu SAS",
                new PostalAddress("12 rue des Sports", "", "69003", "Lyon", "FR"), ZoneId.of("Europe/Paris"), Locale.FRENCH,
                "FR", "", "", SocialLinks.NONE));
        var id = contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, uniqueEmail("membre"))
                .set(ContactField.FIRST_NAME, "<b>Zoé</b> & \"Léa\"").set(ContactField.STATUS, "CLIENT")
                .set(ContactField.SUBSCRIPTION_END, "2026-12-31").set(ContactField.VISIT_COUNT, 1234)
                .build(), ConsentSource.API).contact().id();
        member = contactQueries.find(id).orElseThrow();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private static final RecipientLinks LINKS = new RecipientLinks("https://pv.example/u/abc?x=1&y=2",
            "https://pv.example/p/abc", "https://pv.example/w/abc");

    @Test
    void valuesAreEscapedInHtmlAndPlainInSubjectAndText() {
        CompiledEmail email = renderer.compileEmail(new EmailContent("Bonjour {{ contact.firstName }}", "",
                "<html><body><p>Bonjour {{ contact.firstName }}</p><a href=\"{{ unsubscribeUrl }}\">Désinscription</a></body></html>",
                null), BroadcastType.MARKETING);
        RenderedEmail rendered = email.render(member, LINKS);
        assertThat(rendered.subject()).isEqualTo("Bonjour <b>Zoé</b> & \"Léa\"");
        assertThat(rendered.html()).contains("Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; &quot;Léa&quot;")
                .contains("href=\"https://pv.example/u/abc?x=1&amp;y=2\"").doesNotContain("<b>Zoé");
        assertThat(rendered.text()).contains("Bonjour <b>Zoé</b> & \"Léa\"")
                .contains("Désinscription (https://pv.example/u/abc?x=1&y=2)");
    }

    @Test
    void datesPrintInTheAccountsLocaleAndConditionsSeeTheRawValues() {
        CompiledSms sms = renderer.compileSms("Fin le {{ contact.subscription.endDate }}"
                + "{% if contact.status == \"CLIENT\" and contact.visitCount > 10 %}, fidèle{% endif %}"
                + " · {{ contact.lastName | default: \"adhérent\" }}", BroadcastType.INFORMATIVE);
        assertThat(sms.render(member, LINKS)).isEqualTo("Fin le 31 décembre 2026, fidèle · adhérent");
    }

    @Test
    void wholeNumbersPrintInTheAccountsLocaleAndStayNumbersForConditions() {
        CompiledSms sms = renderer.compileSms("{{ contact.visitCount }} visites{% if contact.visitCount > 1000 %}, bravo"
                + "{% endif %}{% if contact.visitCount == 1234 %} !{% endif %} {{ contact.visitCount | plus: 1 }}",
                BroadcastType.INFORMATIVE);
        String rendered = sms.render(member, LINKS);
        assertThat(rendered).startsWith("1 234 visites, bravo ! 1 235");
        assertThat(SmsLength.of(rendered).encoding()).isEqualTo(SmsEncoding.GSM_7BIT);
    }

    @Test
    void marketingAndInformativeEmailsGetTheLegalFooterWhenTheyLackAnUnsubscribeLink() {
        EmailContent bare = new EmailContent("Objet", "Un aperçu {{ contact.firstName }}",
                "<html><body><p>Texte</p></body></html>", null);
        RenderedEmail marketing = renderer.compileEmail(bare, BroadcastType.MARKETING).render(member, LINKS);
        assertThat(marketing.html()).contains("data-pv-legal-footer", "12 rue des Sports, 69003 Lyon",
                "Club &lt;Rendu&gt; &amp; Co", "href=\"https://pv.example/u/abc?x=1&amp;y=2\"", "https://pv.example/p/abc");
        assertThat(marketing.html().indexOf("Un aperçu")).isLessThan(marketing.html().indexOf("Texte"));
        assertThat(marketing.preheader()).isEqualTo("Un aperçu <b>Zoé</b> & \"Léa\"");
        assertThat(marketing.text()).contains("Se désinscrire (https://pv.example/u/abc?x=1&y=2)").doesNotContain("Un aperçu");
        assertThat(renderer.compileEmail(bare, BroadcastType.INFORMATIVE).render(member, LINKS).html())
                .contains("data-pv-legal-footer");
        assertThat(renderer.compileEmail(bare, BroadcastType.LEGAL).render(member, LINKS).html())
                .doesNotContain("data-pv-legal-footer");
        EmailContent withLink = new EmailContent("Objet", "", "<html><body><a href=\"{{ unsubscribeUrl }}\">Stop</a></body></html>", null);
        assertThat(renderer.compileEmail(withLink, BroadcastType.MARKETING).render(member, LINKS).html())
                .doesNotContain("data-pv-legal-footer");
    }

    @Test
    void aCompiledEmailRendersEachRecipientFromManyThreads() throws Exception {
        CompiledEmail email = renderer.compileEmail(new EmailContent("Pour {{ contact.email }}", "",
                "<html><body><p>{{ contact.email }}</p></body></html>", null), BroadcastType.LEGAL);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = java.util.stream.IntStream.range(0, 400).mapToObj(i -> pool.submit(() -> {
                ContactDetails someone = new ContactDetails(member.id(), "m" + i + "@x.fr", null, null, null, null, null,
                        null, member.status(), true, null, null, null, null, null, null, null, null, null,
                        java.util.List.of(), java.util.Map.of(), member.consents(), member.createdAt(), member.updatedAt());
                RenderedEmail out = email.render(someone, LINKS);
                return out.subject().equals("Pour m" + i + "@x.fr") && out.html().contains("<p>m" + i + "@x.fr</p>");
            })).toList();
            for (var future : futures) {
                assertThat(future.get()).isTrue();
            }
        }
    }
}
