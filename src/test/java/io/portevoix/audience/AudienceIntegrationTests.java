package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audience picker's resolution: the union of built-in and saved segments, import lists,
 * hand-picked contacts and criteria, then every exclusion counted under its reason, one message
 * per address, and the account's rules for associated and former members.
 */
@PorteVoixTest
class AudienceIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired SegmentCommands segments;
    @Autowired SuppressionCommands suppressions;
    @Autowired ImportCommands imports;
    @Autowired ImportQueries importQueries;
    @Autowired AudienceQueries audiences;
    @Autowired AudienceCommands audienceCommands;
    @Autowired TransactionTemplate transactions;

    String admin;
    ContactDetails active;
    ContactDetails associated;
    ContactDetails lapsed;
    ContactDetails mobileOnly;
    ContactDetails suppressed;
    ContactDetails noMarketing;
    ContactDetails twinA;
    ContactDetails twinB;

    @BeforeEach
    void members() {
        admin = uniqueEmail("audience");
        asSystem(() -> accounts.create(new CreateAccount("Audience", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        contacts.changeUniquenessKey(UniquenessKey.EXTERNAL_REF);
        LocalDate today = LocalDate.now();
        active = member("R1", "active@club.example", "CLIENT", true, null, true);
        associated = member("R2", "child@club.example", "CLIENT", false, null, true);
        lapsed = member("R3", "old@club.example", "FORMER_CLIENT", true, today.minusMonths(18), true);
        mobileOnly = member("R4", null, "CLIENT", true, null, true);
        suppressed = member("R5", "bounced@club.example", "CLIENT", true, null, true);
        noMarketing = member("R6", "quiet@club.example", "CLIENT", true, null, false);
        twinA = member("R7", "Family@club.example", "CLIENT", true, null, true);
        twinB = member("R8", "family@club.example", "CLIENT", true, null, true);
        suppressions.add("BOUNCED@club.example", SuppressionReason.HARD_BOUNCE, "");
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private ContactDetails member(String ref, String email, String status, boolean primary, LocalDate end, boolean marketing) {
        ContactInput.Builder in = ContactInput.builder().set(ContactField.EXTERNAL_REF, ref).set(ContactField.EMAIL, email)
                .set(ContactField.MOBILE, "06 12 34 56 0" + ref.substring(1)).set(ContactField.STATUS, status)
                .set(ContactField.PRIMARY, primary).set(ContactField.LAST_NAME, "Nom " + ref)
                .set(ContactField.CONSENTS, Map.of(Channel.EMAIL, Map.of(BroadcastType.MARKETING, marketing),
                        Channel.SMS, Map.of(BroadcastType.MARKETING, marketing)));
        if (end != null) {
            in.set(ContactField.SUBSCRIPTION_END, end.toString());
        }
        return contacts.upsert(in.build(), ConsentSource.API).contact();
    }

    private static Audience builtIn(String key) {
        return new Audience(List.of(key), List.of(), List.of(), List.of(), null);
    }

    @Test
    void everyExclusionIsCountedUnderItsFirstReason() {
        AudienceCount marketing = audiences.count(builtIn("all"), Channel.EMAIL, BroadcastType.MARKETING);
        assertThat(marketing.selected()).isEqualTo(8);
        assertThat(marketing.excluded()).containsOnly(Map.entry(Exclusion.ASSOCIATED_MEMBER, 1L),
                Map.entry(Exclusion.NO_ADDRESS, 1L), Map.entry(Exclusion.SUPPRESSED, 1L), Map.entry(Exclusion.NO_CONSENT, 1L),
                Map.entry(Exclusion.DUPLICATE_ADDRESS, 1L));
        assertThat(marketing.recipients()).isEqualTo(3); // active, lapsed (no rule yet), one of the twins

        AudienceCount legal = audiences.count(builtIn("all"), Channel.EMAIL, BroadcastType.LEGAL);
        assertThat(legal.excluded()).doesNotContainKey(Exclusion.NO_CONSENT);
        assertThat(legal.recipients()).isEqualTo(4);

        AudienceCount sms = audiences.count(builtIn("all"), Channel.SMS, BroadcastType.MARKETING);
        assertThat(sms.excluded()).containsOnly(Map.entry(Exclusion.ASSOCIATED_MEMBER, 1L), Map.entry(Exclusion.NO_CONSENT, 1L));
        assertThat(sms.recipients()).isEqualTo(6);

        List<Recipient> resolved = new ArrayList<>();
        long n = transactions.execute(status -> audiences.recipients(builtIn("all"), Channel.EMAIL, BroadcastType.MARKETING,
                resolved::add));
        assertThat(n).isEqualTo(3);
        assertThat(resolved).extracting(Recipient::address)
                .containsExactlyInAnyOrder("active@club.example", "old@club.example", "family@club.example");

        List<Recipient> withDetails = new ArrayList<>();
        long m = transactions.execute(status -> audiences.recipientsWithDetails(builtIn("all"), Channel.EMAIL,
                BroadcastType.MARKETING, (recipient, contact) -> {
                    assertThat(contact.id()).isEqualTo(recipient.contactId());
                    assertThat(contact.email()).isEqualToIgnoringCase(recipient.address());
                    withDetails.add(recipient);
                }));
        assertThat(m).isEqualTo(3);
        assertThat(withDetails).as("the same recipients in the same order").containsExactlyElementsOf(resolved);
    }

    @Test
    void theAccountsRulesForAssociatedAndFormerMembersApply() {
        audienceCommands.changeRules(new AudienceRules(true, 12));
        AudienceCount count = audiences.count(builtIn("all"), Channel.EMAIL, BroadcastType.LEGAL);
        assertThat(count.excluded()).containsEntry(Exclusion.LAPSED_MEMBER, 1L).doesNotContainKey(Exclusion.ASSOCIATED_MEMBER);
        assertThat(count.recipients()).isEqualTo(4); // the associated member is in, the twin and the lapsed are not
        assertThat(audiences.rules()).isEqualTo(new AudienceRules(true, 12));
        assertThatThrownBy(() -> audienceCommands.changeRules(new AudienceRules(false, 0)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theAudienceIsTheUnionOfItsParts() throws Exception {
        SegmentDetails quiet = segments.create("Discrets", Map.of("match", "ALL", "rules",
                List.of(Map.of("field", "consent.EMAIL.MARKETING", "op", "isFalse"))));
        String csv = "Référence;Nom\nR1;Nom R1\nR7;Nom R7\n";
        ImportId list = imports.start(new StartImport("liste.csv", csv.getBytes(StandardCharsets.UTF_8), true,
                Map.of("Référence", "externalRef", "Nom", "lastName"), "Liste du forum"));
        await().pollInSameThread().atMost(Duration.ofSeconds(40)).until(() -> importQueries.find(list).orElseThrow().status() == ImportStatus.DONE);
        Audience audience = new Audience(List.of(), List.of(quiet.id()), List.of(list), List.of(active.id(), mobileOnly.id()),
                Map.of("match", "ALL", "rules", List.of(Map.of("field", "externalRef", "op", "eq", "value", "R3"))));
        AudienceCount count = audiences.count(audience, Channel.EMAIL, BroadcastType.LEGAL);
        // quiet (segment) + R1, R7 (list) + active again, mobileOnly (picked) + R3 (criteria)
        assertThat(count.selected()).isEqualTo(5);
        assertThat(count.recipients()).isEqualTo(4);
        assertThat(count.excluded()).containsOnly(Map.entry(Exclusion.NO_ADDRESS, 1L));
        assertThat(audiences.count(Audience.NONE, Channel.EMAIL, BroadcastType.LEGAL).selected()).isZero();
    }

    @Test
    void anotherAccountsIdsAreRefusedWithTheirPlace() {
        ContactId mine = active.id();
        String other = uniqueEmail("audience-other");
        asSystem(() -> accounts.create(new CreateAccount("Autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);
        Audience stolen = new Audience(List.of("nope"), List.of(new SegmentId(UUID.randomUUID())),
                List.of(new ImportId(UUID.randomUUID())), List.of(mine), Map.of("match", "ALL", "rules",
                        List.of(Map.of("field", "shoeSize", "op", "eq", "value", "42"))));
        assertThatThrownBy(() -> audiences.count(stolen, Channel.EMAIL, BroadcastType.LEGAL))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("audience.builtIns[0]", "audience.segmentIds[0]", "audience.importIds[0]",
                                "audience.contactIds[0]", "audience.criteria.rules[0].field"));
    }
}
