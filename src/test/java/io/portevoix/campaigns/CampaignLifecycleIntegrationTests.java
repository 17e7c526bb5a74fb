package io.portevoix.campaigns;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.CreditQueries;
import io.portevoix.billing.GrantCredits;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lifecycle and credits through the services: scheduled sends start when due, suspension gives
 * back the credits not yet used and resumption takes them again, and two concurrent sends can
 * never spend more than the balance.
 */
@PorteVoixTest
class CampaignLifecycleIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands creditCommands;
    @Autowired CreditQueries credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;

    AccountId account;
    String domain;

    @BeforeEach
    void account() {
        String admin = uniqueEmail("lifecycle");
        account = asSystem(() -> accounts.create(new CreateAccount("Cycle", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        domain = "l" + System.nanoTime() + ".example";
        for (int i = 0; i < 3; i++) {
            contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "m" + i + "@" + domain).build(), ConsentSource.API);
        }
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private CampaignDetails draft() {
        return campaigns.create(new CampaignDraft("Cycle " + System.nanoTime(), "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Objet", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
    }

    private void grant(long amount) {
        asSystem(() -> creditCommands.grant(new GrantCredits(account, amount, "test")));
    }

    @Test
    void aScheduledSendStartsWhenDueAndSuspensionReleasesWhatIsNotUsed() {
        grant(10);
        CampaignDetails c = draft();
        SendResult scheduled = campaigns.send(c.id(), Instant.now().plusSeconds(1));
        assertThat(scheduled.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(scheduled.runId()).isNull();
        assertThat(credits.balance().reserved()).isZero();
        assertThatThrownBy(() -> campaigns.update(c.id(), new CampaignDraft("Changé", null, null, null, null, null)))
                .isInstanceOf(CampaignStateException.class);

        await().pollDelay(Duration.ofMillis(1_100)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(campaigns.startDue()).isEqualTo(1);
        CampaignDetails sending = queries.find(c.id()).orElseThrow();
        assertThat(sending.status()).isIn(CampaignStatus.SENDING, CampaignStatus.SENT);

        if (sending.status() == CampaignStatus.SENDING) {
            campaigns.suspend(c.id());
            RunSummary run = queries.run(sending.currentRun()).orElseThrow();
            // what left before the suspension stays held for the final debit; the rest goes back
            assertThat(credits.balance().reserved()).isEqualTo(run.figures().charged());
            assertThat(campaigns.resume(c.id()).status()).isEqualTo(CampaignStatus.SENDING);
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        assertThat(credits.balance()).isEqualTo(new CreditBalance(7, 0));
        RunSummary done = queries.runs(c.id()).getFirst();
        assertThat(done.status()).isEqualTo(RunStatus.DONE);
        assertThat(done.figures().sent()).isEqualTo(3);
    }

    @Test
    void twoConcurrentSendsCannotSpendMoreThanTheBalance() throws Exception {
        grant(4);
        CampaignDetails first = draft();
        CampaignDetails second = draft();
        var security = SecurityContextHolder.getContext();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> sends = List.of(first, second).stream().map(c -> CompletableFuture.runAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                campaigns.send(c.id(), null);
            } catch (io.portevoix.billing.NotEnoughCreditsException e) {
                refused.incrementAndGet();
            } finally {
                SecurityContextHolder.clearContext();
            }
        })).toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        assertThat(refused.get()).isEqualTo(1);
        CreditBalance balance = credits.balance();
        assertThat(balance.reserved() + (4 - balance.balance())).isEqualTo(3);
        assertThat(balance.available()).isEqualTo(1);
    }
}
