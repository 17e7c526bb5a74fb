package io.portevoix.tracking;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Test support: a new account (logged in as its administrator) sends an e-mail campaign to a few
 * members through the real outbox and sandbox; the test then reads each member's e-mail and hits
 * its tracking links over HTTP.
 */
final class SentCampaign {

    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0 Safari/537.36";
    static final Pattern CLICK = Pattern.compile("/public/c/[A-Za-z0-9_-]+");
    static final Pattern PIXEL = Pattern.compile("/public/o/[A-Za-z0-9_-]+");
    static final Pattern WEB_VERSION = Pattern.compile("/public/w/[A-Za-z0-9_-]+");

    record Sent(AccountId account, CampaignId campaign, Map<String, ContactId> members, Map<String, SandboxMessage> mails) {
    }

    private final AccountCommands accounts;
    private final AuthenticationProvider loginProvider;
    private final ContactCommands contacts;
    private final CreditCommands credits;
    private final CampaignCommands campaigns;
    private final CampaignQueries queries;
    private final MailSandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    SentCampaign(org.springframework.context.ApplicationContext context) {
        this(context.getBean(AccountCommands.class), context.getBean(AuthenticationProvider.class),
                context.getBean(ContactCommands.class), context.getBean(CreditCommands.class),
                context.getBean(CampaignCommands.class), context.getBean(CampaignQueries.class), context.getBean(MailSandbox.class));
    }

    private SentCampaign(AccountCommands accounts, AuthenticationProvider loginProvider, ContactCommands contacts,
            CreditCommands credits, CampaignCommands campaigns, CampaignQueries queries, MailSandbox sandbox) {
        this.accounts = accounts;
        this.loginProvider = loginProvider;
        this.contacts = contacts;
        this.credits = credits;
        this.campaigns = campaigns;
        this.queries = queries;
        this.sandbox = sandbox;
    }

    Sent send(String accountName, String subject, String html, List<String> members) {
        String admin = uniqueEmail("track");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount(accountName, null, new EmailAddress(admin), "",
                PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> credits.grant(new GrantCredits(account, 10, "test")));
        String domain = "t" + System.nanoTime() + ".example";
        Map<String, ContactId> ids = new LinkedHashMap<>();
        for (String name : members) {
            ids.put(name, contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, name + "@" + domain)
                    .set(ContactField.FIRST_NAME, name).build(), ConsentSource.API).contact().id());
        }
        var c = campaigns.create(new CampaignDraft(subject, "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of(), List.of(), List.of(), new ArrayList<>(ids.values()), null),
                new CampaignContent(subject, "", html, "", null, "", "", "", "")));
        campaigns.send(c.id(), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        Map<String, SandboxMessage> mails = new LinkedHashMap<>();
        for (String name : members) {
            mails.put(name, asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().contains(name + "@" + domain))
                    .findFirst().orElseThrow());
        }
        return new Sent(account, c.id(), ids, mails);
    }

    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    HttpResponse<String> hit(int port, String method, String path, String userAgent, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", userAgent).method(method, HttpRequest.BodyPublishers.noBody());
        if (!forwardedFor.isEmpty()) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
