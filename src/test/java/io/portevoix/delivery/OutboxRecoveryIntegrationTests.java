package io.portevoix.delivery;

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
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStateException;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunSummary;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a restart finds: a message a dead process was handing to the server may have left, so it
 * becomes UNKNOWN (charged, counted, never sent again by itself); the rest of the run resumes and
 * every recipient is accounted for.
 */
@PorteVoixTest
class OutboxRecoveryIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands creditCommands;
    @Autowired CreditQueries credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired OutboxWorkers workers;
    @Autowired MailSandbox sandbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void aMessageInFlightWhenTheProcessDiedEndsUnknownAndTheRunCompletes() {
        String admin = uniqueEmail("recovery");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Reprise", null, new EmailAddress(admin), "",
                PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> creditCommands.grant(new GrantCredits(account, 10, "test")));
        String domain = "r" + System.nanoTime() + ".example";
        for (int i = 0; i < 3; i++) {
            contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "m" + i + "@" + domain).build(), ConsentSource.API);
        }
        CampaignDetails c = campaigns.create(new CampaignDraft("Reprise", "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Objet", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
        // in one transaction, so no worker runs meanwhile: the send starts, one message is being handed
        // to the server by a process that then dies, and the campaign is suspended
        String inFlight = TenantContext.callAs(account, () -> transactions.execute(status -> {
            campaigns.send(c.id(), null);
            String address = jdbc.queryForObject("select address from delivery.message where account_id = ?"
                    + " order by id limit 1", String.class, account.value());
            jdbc.update("update delivery.message set state = 'SENDING', claimed_by = 'a dead process' where account_id = ?"
                    + " and address = ?", account.value(), address);
            // another one it had leased (a claim counts an attempt) but not yet begun to hand over
            jdbc.update("update delivery.message set claimed_by = 'a dead process', attempts = 1,"
                    + " next_attempt_at = now() + interval '2 minutes' where account_id = ? and address = ?", account.value(),
                    leased(account, address));
            campaigns.suspend(c.id());
            return address;
        }));
        // what the dead process may have sent stays held; the two others went back
        assertThat(credits.balance()).isEqualTo(new CreditBalance(10, 1));

        workers.recover();
        // nothing of the leased one left: it is due now, not when the dead process's lease would end
        assertThat(TenantContext.callAs(account, () -> jdbc.queryForObject("select count(*) from delivery.message"
                + " where account_id = ? and state = 'PENDING' and claimed_by is null and attempts = 0 and next_attempt_at <= now()",
                Long.class, account.value()))).isEqualTo(2);
        campaigns.resume(c.id());
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);

        RunSummary run = queries.runs(c.id()).getFirst();
        assertThat(run.figures().targeted()).isEqualTo(3);
        assertThat(run.figures().sent()).isEqualTo(2);
        assertThat(run.figures().unknown()).isEqualTo(1);
        assertThat(run.figures().pending()).isZero();
        assertThat(credits.balance()).isEqualTo(new CreditBalance(7, 0));
        List<String> received = asSystem(() -> sandbox.messages()).stream().flatMap(m -> m.to().stream())
                .filter(t -> t.endsWith("@" + domain)).toList();
        assertThat(received).hasSize(2).doesNotContain(inFlight).doesNotHaveDuplicates();

        // the approver decides to send the unknown one again: it leaves once more, and is not charged twice
        assertThat(campaigns.resendUnknown(c.id())).isEqualTo(1);
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        RunSummary again = queries.runs(c.id()).getFirst();
        assertThat(again.figures().sent()).isEqualTo(3);
        assertThat(again.figures().unknown()).isZero();
        assertThat(queries.runs(c.id())).hasSize(1);
        assertThat(credits.balance()).isEqualTo(new CreditBalance(7, 0));
        assertThat(asSystem(() -> sandbox.messages()).stream().flatMap(m -> m.to().stream())
                .filter(t -> t.endsWith("@" + domain)).toList()).hasSize(3).contains(inFlight).doesNotHaveDuplicates();
        assertThatThrownBy(() -> campaigns.resendUnknown(c.id())).isInstanceOf(CampaignStateException.class)
                .hasMessageContaining("unknown outcome");
    }

    private String leased(AccountId account, String other) {
        return jdbc.queryForObject("select address from delivery.message where account_id = ? and address <> ? order by id"
                + " limit 1", String.class, account.value(), other);
    }
}
