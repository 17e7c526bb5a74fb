package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.Recipient;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunRecipient;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's recipient drill-down pages by each message's position in its run: recipients frozen in
 * several batches, with another run frozen in between, come back page after page in frozen order,
 * none twice and none missing, and another account reads none of them.
 */
@PorteVoixTest
class RunRecipientsPagingIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired Messages messages;
    @Autowired TransactionTemplate transactions;

    @Test
    void pagesFollowTheFrozenOrderAcrossBatchesAndAccounts() {
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Pages", null,
                new EmailAddress(uniqueEmail("pages")), "", PASSWORD)));
        AccountId other = asSystem(() -> accounts.create(new CreateAccount("Autre", null,
                new EmailAddress(uniqueEmail("pages-other")), "", PASSWORD)));
        RunId run = RunId.random();
        RunId between = RunId.random();
        CampaignId campaign = new CampaignId(UUID.randomUUID());
        List<Recipient> frozen = IntStream.range(0, 23)
                .mapToObj(i -> new Recipient(new ContactId(UUID.randomUUID()), "m" + i + "@pages.example")).toList();
        TenantContext.runAs(account, () -> transactions.executeWithoutResult(status -> {
            messages.insert(account, run, campaign, frozen.subList(0, 10));
            messages.insert(account, between, campaign, List.of(new Recipient(new ContactId(UUID.randomUUID()), "x@pages.example")));
            messages.insert(account, run, campaign, frozen.subList(10, 23));
        }));

        List<String> read = new ArrayList<>();
        TenantContext.runAs(account, () -> {
            for (int offset = 0; offset < 30; offset += 5) {
                List<RunRecipient> page = messages.ofRun(account, run, offset, 5);
                assertThat(page).hasSizeLessThanOrEqualTo(5);
                page.forEach(r -> read.add(r.address()));
            }
            assertThat(messages.ofRun(account, run, 20, 5)).hasSize(3);
            assertThat(messages.ofRun(account, between, 0, 5)).extracting(RunRecipient::address)
                    .containsExactly("x@pages.example");
        });
        assertThat(read).containsExactlyElementsOf(frozen.stream().map(Recipient::address).toList());
        assertThat(TenantContext.callAs(other, () -> messages.ofRun(other, run, 0, 50))).isEmpty();
    }
}
