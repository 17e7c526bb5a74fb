package io.portevoix.templates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateLockedException;
import io.portevoix.templates.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateTests {

    static final AccountId HQ = new AccountId(UUID.randomUUID());
    static final AccountId CLUB = new AccountId(UUID.randomUUID());
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Template email(AccountId account, String html) {
        return Template.create(account, Channel.EMAIL, "Lettre", "", List.of("Relance", "relance ", ""), null,
                new EmailContent("Objet", "", html, null), "ignored", "siège", NOW);
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicatedAndSmsTextIsIgnoredForEmail() {
        Template template = email(HQ, "<p>v1</p>");
        assertThat(template.snapshot().tags()).containsExactly("relance");
        assertThat(template.smsText()).isEmpty();
    }

    @Test
    void anUnmodifiedCopyFollowsTheHeadquartersAndAModifiedOneKeepsItsOwnContent() {
        Template original = email(HQ, "<p>v1</p>");
        original.publish("siège", NOW);
        Template follower = Template.networkCopy(CLUB, original, "siège", NOW);
        Template adapted = Template.networkCopy(CLUB, original, "siège", NOW);
        adapted.changeEmail(new EmailContent("Objet club", "", "<p>club</p>", null), "club", NOW);

        original.changeEmail(new EmailContent("Objet", "", "<p>v2</p>", null), "siège", NOW.plusSeconds(60));

        assertThat(follower.receiveNetworkUpdate(original, NOW.plusSeconds(61))).isTrue();
        assertThat(follower.email().html()).isEqualTo("<p>v2</p>");
        assertThat(follower.receiveNetworkUpdate(original, NOW.plusSeconds(62))).as("same revision twice").isFalse();
        assertThat(adapted.receiveNetworkUpdate(original, NOW.plusSeconds(61))).isFalse();
        assertThat(adapted.email().html()).isEqualTo("<p>club</p>");
    }

    @Test
    void aLockedCopyCanBeUsedButNotChangedDuplicatedOrDeleted() {
        Template original = email(HQ, "<p>Rejet</p>");
        original.describe("Rejet", "", List.of(), null, true, "siège", NOW);
        Template copy = Template.networkCopy(CLUB, original, "siège", NOW);
        assertThat(copy.locked()).isTrue();
        assertThatThrownBy(() -> copy.changeEmail(EmailContent.EMPTY, "club", NOW)).isInstanceOf(TemplateLockedException.class);
        assertThatThrownBy(() -> copy.duplicate("Copie", "club", NOW)).isInstanceOf(TemplateLockedException.class);
        assertThatThrownBy(() -> copy.describe("Rejet", "", List.of(), null, false, "club", NOW))
                .isInstanceOf(TemplateLockedException.class);
        assertThat(copy.deletable()).isFalse();
        assertThat(original.duplicate("Copie", "siège", NOW).locked()).isFalse();
    }

    @Test
    void anArchivedTemplateMustBeRestoredBeforeItChanges() {
        Template template = email(CLUB, "<p>x</p>");
        template.archive("club", NOW);
        assertThat(template.status()).isEqualTo(TemplateStatus.ARCHIVED);
        assertThatThrownBy(() -> template.changeEmail(EmailContent.EMPTY, "club", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> template.publish("club", NOW)).isInstanceOf(IllegalStateException.class);
        template.reactivate("club", NOW);
        template.changeEmail(EmailContent.EMPTY, "club", NOW);
        assertThat(template.revision()).isEqualTo(2);
    }

    @Test
    void aPublishedTemplateCannotBeDeletedAndACopyCannotBePublishedAgain() {
        Template original = email(HQ, "<p>x</p>");
        original.publish("siège", NOW);
        assertThat(original.deletable()).isFalse();
        Template copy = Template.networkCopy(CLUB, original, "siège", NOW);
        assertThatThrownBy(() -> copy.publish("club", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLegalFooterIsAddedBeforeTheEndOfTheBodyAndThePreheaderAfterItsStart() {
        String html = "<html><body style=\"margin:0\"><p>Texte</p></body></html>";
        assertThat(EmailDocument.withFooter(html, "<footer/>")).isEqualTo("<html><body style=\"margin:0\"><p>Texte</p><footer/></body></html>");
        assertThat(EmailDocument.withPreheader(html, "Aperçu")).startsWith("<html><body style=\"margin:0\"><div style=\"display:none");
        assertThat(EmailDocument.hasUnsubscribeLink("<a href=\"{{unsubscribeUrl}}\">")).isTrue();
        assertThat(EmailDocument.hasUnsubscribeLink("<a href=\"{{ preferencesUrl }}\">")).isFalse();
        assertThat(EmailDocument.mediaRules("td{color:red}@media (max-width:480px){.col{width:100%!important}}p{x:y}"))
                .isEqualTo("@media (max-width:480px){.col{width:100%!important}}");
    }
}
