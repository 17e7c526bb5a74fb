package io.portevoix.tracking.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.delivery.spi.TrackingLinks;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tracking.LinkPurpose;
import io.portevoix.tracking.RecipientLink;
import io.portevoix.tracking.RecipientPage;
import io.portevoix.tracking.RecipientPages;
import io.portevoix.tracking.application.port.Secrets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.portevoix.campaigns.spi.Engagement;
import io.portevoix.campaigns.spi.EngagementFigures;
import io.portevoix.tracking.application.port.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs recipient links for delivery and serves the pages behind them. A page acts as the
 * application within the link's account (no login); an unsubscribe withdraws the e-mail consent
 * for the campaign's broadcast type with the source UNSUBSCRIBE_LINK, committed before it returns.
 */
@Service
class TrackingService implements TrackingLinks, RecipientPages, Engagement, io.portevoix.delivery.spi.MemberEngagement {

    /** A bare http(s) URL of a plain text, up to a space, a quote or an angle bracket (its end trimmed by {@link #bare}). */
    static final java.util.regex.Pattern TEXT_LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);

    private final TrackingSettings settings;
    private final Secrets secrets;
    private final ContactQueries contacts;
    private final ContactCommands contactCommands;
    private final AccountQueries accounts;
    private volatile LinkTokens tokens;
    private final Events events;
    private final EventWriter writer;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<String, Integer> linkNumbers = new ConcurrentHashMap<>();
    /** Destinations of campaigns' links by "campaign number" (a link never changes): a click needs no query. */
    private final Map<String, String> destinations = new ConcurrentHashMap<>();
    private static final int MAX_DESTINATIONS = 100_000;
    private final io.portevoix.delivery.SentEmails sentEmails;

    TrackingService(TrackingSettings settings, Secrets secrets, ContactQueries contacts, ContactCommands contactCommands,
            AccountQueries accounts, Events events, EventWriter writer, PlatformTransactionManager transactionManager,
            Clock clock, io.portevoix.delivery.SentEmails sentEmails) {
        this.sentEmails = sentEmails;
        this.events = events;
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
        this.secrets = secrets;
        this.contacts = contacts;
        this.contactCommands = contactCommands;
        this.accounts = accounts;
    }

    private LinkTokens tokens() {
        LinkTokens current = tokens;
        if (current == null) {
            String secret = settings.secret();
            if (secret.length() < 32) {
                if (!secret.isEmpty()) {
                    LOG.warn("PORTEVOIX_SECRET has fewer than 32 characters: the installation's own secret is used");
                }
                secret = SystemActor.call("tracking", secrets::installationSecret);
            }
            current = new LinkTokens(secret);
            tokens = current;
        }
        return current;
    }

    private String url(LinkPurpose purpose, CampaignId campaign, ContactId contact, BroadcastType type) {
        return url(new RecipientLink(purpose, TenantContext.requireAccount(), contact, campaign, type));
    }

    private String url(RecipientLink link) {
        String path = switch (link.purpose()) {
            case UNSUBSCRIBE -> "/public/u/";
            case PREFERENCES -> "/public/p/";
            case CLICK -> "/public/c/";
            case OPEN -> "/public/o/";
            case WEB_VERSION -> "/public/w/";
        };
        return settings.publicUrl() + path + tokens().sign(link);
    }

    /**
     * jsoup finds the links (comments, quoting and entities as a browser reads them) with their
     * source positions, and only their values are replaced: the rest of the HTML goes out as
     * written, which spares serialising the whole document again for every recipient.
     */
    @Override
    public String track(String html, CampaignId campaign, ContactId contact) {
        return rewrite(html, campaign, contact, true);
    }

    /** The HTML with its links rewritten to the member's signed redirects, and with the open pixel or not. */
    private String rewrite(String html, CampaignId campaign, ContactId contact, boolean pixel) {
        AccountId account = TenantContext.requireAccount();
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        StringBuilder out = new StringBuilder(html.length() + 2_048);
        int at = 0;
        for (Element a : document.select("a[href]")) {
            String href = a.attr("href").strip();
            Range.AttributeRange source = a.attributes().sourceRange("href");
            if (trackable(href) && source.isTracked()) {
                int start = source.valueRange().startPos();
                int end = source.valueRange().endPos();
                boolean quoted = start > 0 && (html.charAt(start - 1) == '"' || html.charAt(start - 1) == '\'');
                out.append(html, at, start).append(quoted ? "" : "\"")
                        .append(Entities.escape(clickUrl(account, campaign, contact, href))).append(quoted ? "" : "\"");
                at = end;
            }
        }
        if (!pixel) {
            return out.append(html, at, html.length()).toString();
        }
        Range bodyEnd = document.body().endSourceRange();
        int pixelAt = bodyEnd.isTracked() && bodyEnd.startPos() >= at ? bodyEnd.startPos() : html.length();
        return out.append(html, at, pixelAt).append("<img src=\"").append(Entities.escape(url(new RecipientLink(
                LinkPurpose.OPEN, account, contact, campaign, BroadcastType.LEGAL))))
                .append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">")
                .append(html, pixelAt, html.length()).toString();
    }

    /** A link whose target is one of the recipient's own pages: never a click redirect. */
    private static final java.util.regex.Pattern OWN_PAGE = java.util.regex.Pattern.compile(
            "\\{\\{\\s*(unsubscribeUrl|preferencesUrl|webVersionUrl)\\s*}}");

    @Override
    public io.portevoix.delivery.spi.PreparedLinks prepare(CampaignId campaign, String html) {
        AccountId account = TenantContext.requireAccount();
        byte[] nonce = new byte[9];
        new java.security.SecureRandom().nextBytes(nonce);
        String mark = "https://links.invalid/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "/";
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        StringBuilder out = new StringBuilder(html.length() + 1_024);
        List<Integer> numbers = new java.util.ArrayList<>();
        boolean merged = false;
        int at = 0;
        for (Element a : document.select("a[href]")) {
            String href = a.attr("href").strip();
            Range.AttributeRange source = a.attributes().sourceRange("href");
            if ((href.contains("{{") || href.contains("{%")) && !OWN_PAGE.matcher(href).matches()) {
                merged = true;
            } else if (trackable(href) && source.isTracked()) {
                int start = source.valueRange().startPos();
                boolean quoted = start > 0 && (html.charAt(start - 1) == '"' || html.charAt(start - 1) == '\'');
                out.append(html, at, start).append(quoted ? "" : "\"").append(mark).append(numbers.size())
                        .append(quoted ? "" : "\"");
                numbers.add(markedNumber(account, campaign, href));
                at = source.valueRange().endPos();
            }
        }
        Range bodyEnd = document.body().endSourceRange();
        int pixelAt = bodyEnd.isTracked() && bodyEnd.startPos() >= at ? bodyEnd.startPos() : html.length();
        out.append(html, at, pixelAt).append("<img src=\"").append(mark).append("o\" width=\"1\" height=\"1\" alt=\"\"")
                .append(" style=\"display:block;width:1px;height:1px;border:0\">").append(html, pixelAt, html.length());
        return new Prepared(campaign, out.toString(), mark, numbers.stream().mapToInt(Integer::intValue).toArray(), merged);
    }

    /**
     * The number of a campaign's link found by {@link #prepare}, in a transaction of its own:
     * prepare runs while a template compiles (read-only).
     */
    private int markedNumber(AccountId account, CampaignId campaign, String href) {
        return linkNumbers.computeIfAbsent(campaign + " " + href, k -> ownTransaction.execute(status ->
                events.linkNumber(account, campaign, href)));
    }

    /** The marks of {@link #prepare}: {@code mark + n} for the n-th fixed link, {@code mark + "o"} for the pixel. */
    private final class Prepared implements io.portevoix.delivery.spi.PreparedLinks {

        private final CampaignId campaign;
        private final String html;
        private final String mark;
        /** The link number of each mark, of the HTML's then of the text's. */
        private int[] numbers;
        /** Some link's target is a merge tag: found in each rendered message. */
        private final boolean merged;
        /** Some URL of the text is (or ends with) a merge tag: found in each rendered text. */
        private boolean textMerged;

        Prepared(CampaignId campaign, String html, String mark, int[] numbers, boolean merged) {
            this.campaign = campaign;
            this.html = html;
            this.mark = mark;
            this.numbers = numbers;
            this.merged = merged;
        }

        @Override
        public String html() {
            return html;
        }

        @Override
        public String sign(String renderedHtml, ContactId contact) {
            String signed = replaceMarks(renderedHtml, contact, true);
            return merged ? rewrite(signed, campaign, contact, false) : signed;
        }

        @Override
        public String markText(String text) {
            AccountId account = TenantContext.requireAccount();
            List<Integer> all = new java.util.ArrayList<>(java.util.Arrays.stream(numbers).boxed().toList());
            StringBuilder out = new StringBuilder(text.length() + 512);
            java.util.regex.Matcher links = TEXT_LINK.matcher(text);
            int at = 0;
            while (links.find()) {
                String url = bare(links.group());
                int end = links.start() + url.length();
                if (links.group().contains("{{") || links.group().contains("{%") || text.startsWith("{{", end)
                        || text.startsWith("{%", end)) {
                    textMerged = true;
                } else if (trackable(url)) {
                    out.append(text, at, links.start()).append(mark).append(all.size());
                    all.add(markedNumber(account, campaign, url));
                    at = end;
                }
            }
            numbers = all.stream().mapToInt(Integer::intValue).toArray();
            return out.append(text, at, text.length()).toString();
        }

        @Override
        public String signText(String renderedText, ContactId contact) {
            String signed = replaceMarks(renderedText, contact, false);
            return textMerged ? trackText(signed, campaign, contact) : signed;
        }

        private String replaceMarks(String rendered, ContactId contact, boolean html) {
            AccountId account = TenantContext.requireAccount();
            StringBuilder out = new StringBuilder(rendered.length() + 1_024 + numbers.length * 96);
            int at = 0;
            for (int found; (found = rendered.indexOf(mark, at)) >= 0; ) {
                int end = found + mark.length();
                String url;
                if (end < rendered.length() && rendered.charAt(end) == 'o') {
                    url = url(new RecipientLink(LinkPurpose.OPEN, account, contact, campaign, BroadcastType.LEGAL));
                    end++;
                } else {
                    int n = 0;
                    int digits = end;
                    while (digits < rendered.length() && Character.isDigit(rendered.charAt(digits))) {
                        n = n * 10 + rendered.charAt(digits++) - '0';
                    }
                    if (digits == end || n >= numbers.length) {
                        // not one of ours (cannot happen unless the text itself names the mark): left as written
                        out.append(rendered, at, end);
                        at = end;
                        continue;
                    }
                    url = url(new RecipientLink(LinkPurpose.CLICK, account, contact, campaign, BroadcastType.LEGAL,
                            numbers[n]));
                    end = digits;
                }
                out.append(rendered, at, found).append(html ? Entities.escape(url) : url);
                at = end;
            }
            return at == 0 ? rendered : out.append(rendered, at, rendered.length()).toString();
        }
    }

    /** An http(s) link that is not one of our own recipient links. */
    private boolean trackable(String href) {
        return (href.startsWith("https://") || href.startsWith("http://")) && !href.startsWith(settings.publicUrl() + "/public/");
    }

    /** The member's signed redirect to {@code href}; the same link of a campaign has one number, whichever part it is in. */
    private String clickUrl(AccountId account, CampaignId campaign, ContactId contact, String href) {
        int number = linkNumbers.computeIfAbsent(campaign + " " + href, k -> transactions.execute(status ->
                events.linkNumber(account, campaign, href)));
        return url(new RecipientLink(LinkPurpose.CLICK, account, contact, campaign, BroadcastType.LEGAL, number));
    }

    @Override
    public String trackText(String text, CampaignId campaign, ContactId contact) {
        if (!text.contains("://")) {
            return text;
        }
        AccountId account = TenantContext.requireAccount();
        java.util.regex.Matcher links = TEXT_LINK.matcher(text);
        StringBuilder tracked = new StringBuilder();
        int at = 0;
        while (links.find()) {
            String url = bare(links.group());
            if (trackable(url)) {
                tracked.append(text, at, links.start()).append(clickUrl(account, campaign, contact, url));
                at = links.start() + url.length();
            }
        }
        return tracked.append(text.substring(at)).toString();
    }

    /**
     * A URL found in text without what follows it in the sentence: trailing punctuation and quotes,
     * and a closing bracket that does not close one of the URL's own ({@code (https://a.example/x)}).
     */
    static String bare(String candidate) {
        String url = candidate;
        while (!url.isEmpty()) {
            char last = url.charAt(url.length() - 1);
            if (".,;:!?'»…".indexOf(last) >= 0
                    || last == ')' && count(url, '(') < count(url, ')')
                    || last == ']' && count(url, '[') < count(url, ']')) {
                url = url.substring(0, url.length() - 1);
            } else {
                break;
            }
        }
        return url;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    @Override
    public Optional<String> click(String token, io.portevoix.tracking.Hit hit) {
        Optional<RecipientLink> link = verified(token, LinkPurpose.CLICK);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        RecipientLink l = link.get();
        return clicked(l.account(), l.campaign(), l.contact(), l.link(), hit);
    }

    /** The destination of a campaign's link, and the click recorded (flagged when a machine made it). */
    private Optional<String> clicked(AccountId account, CampaignId campaign, ContactId contact, int link,
            io.portevoix.tracking.Hit hit) {
        String key = campaign + " " + link;
        Optional<String> url = Optional.ofNullable(destinations.get(key)).or(() -> as(account, () -> transactions.execute(
                status -> events.url(account, campaign, link))));
        url.ifPresent(u -> {
            if (destinations.size() >= MAX_DESTINATIONS) {
                destinations.clear();
            }
            destinations.putIfAbsent(key, u);
        });
        url.ifPresent(u -> writer.add(new Events.Event(account, campaign, contact, "CLICK", link,
                MachineRules.DEFAULT.machine(hit, false), hit.userAgent(), clock.instant())));
        return url;
    }

    /** An http(s) link in an SMS: up to the next space, without the punctuation that ends a sentence. */
    static final java.util.regex.Pattern SMS_LINK = java.util.regex.Pattern.compile("https?://\\S+?(?=[.,;:!?)\\]»]*(\\s|$))");

    @Override
    public java.util.List<String> shortenSms(CampaignId campaign, java.util.List<ContactId> contacts,
            java.util.List<String> texts) {
        AccountId account = TenantContext.requireAccount();
        java.util.List<ContactId> owners = new java.util.ArrayList<>();
        java.util.List<Integer> numbers = new java.util.ArrayList<>();
        java.util.List<java.util.List<java.util.regex.MatchResult>> found = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            java.util.List<java.util.regex.MatchResult> links = SMS_LINK.matcher(texts.get(i)).results().toList();
            found.add(links);
            for (java.util.regex.MatchResult link : links) {
                String href = link.group();
                owners.add(contacts.get(i));
                numbers.add(linkNumbers.computeIfAbsent(campaign + " " + href, k -> events.linkNumber(account, campaign, href)));
            }
        }
        if (owners.isEmpty()) {
            return texts;
        }
        java.util.Iterator<Long> ids = events.insertShortLinks(account, campaign, owners, numbers).iterator();
        java.util.List<String> shortened = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            StringBuilder text = new StringBuilder();
            int at = 0;
            for (java.util.regex.MatchResult link : found.get(i)) {
                text.append(texts.get(i), at, link.start()).append(shortUrl(tokens().signShort(ids.next())));
                at = link.end();
            }
            shortened.add(text.append(texts.get(i).substring(at)).toString());
        }
        return shortened;
    }

    private String shortUrl(String code) {
        return settings.publicUrl() + "/s/" + code;
    }

    @Override
    public String previewSms(String text) {
        if (!text.contains("://")) {
            return text;
        }
        return SMS_LINK.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(shortUrl("x".repeat(LinkTokens.SHORT_CODE))));
    }

    @Override
    public Optional<String> shortClick(String code, io.portevoix.tracking.Hit hit) {
        java.util.OptionalLong id = tokens().verifyShort(code);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Events.ShortLink> link = SystemActor.call("short link", () -> transactions.execute(status ->
                events.shortLink(id.getAsLong())));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Events.ShortLink l = link.get();
        return clicked(l.account(), l.campaign(), l.contact(), l.link(), hit);
    }

    @Override
    public boolean open(String token, io.portevoix.tracking.Hit hit) {
        Optional<RecipientLink> link = verified(token, LinkPurpose.OPEN);
        link.ifPresent(l -> writer.add(new Events.Event(l.account(), l.campaign(), l.contact(), "OPEN", null,
                MachineRules.DEFAULT.machine(hit, true), hit.userAgent(), clock.instant())));
        return link.isPresent();
    }

    @Override
    public Optional<io.portevoix.tracking.WebVersion> webVersion(String token, io.portevoix.tracking.Hit hit) {
        return verified(token, LinkPurpose.WEB_VERSION).map(l -> as(l.account(), () -> {
            Optional<io.portevoix.tracking.WebVersion.Message> message = sentEmails.asSent(l.campaign(), l.contact())
                    .map(e -> new io.portevoix.tracking.WebVersion.Message(e.subject(), rewrite(e.html(), l.campaign(),
                            l.contact(), false)));
            message.ifPresent(m -> writer.add(new Events.Event(l.account(), l.campaign(), l.contact(), "VIEW", null,
                    MachineRules.DEFAULT.machine(hit, false), hit.userAgent(), clock.instant())));
            return new io.portevoix.tracking.WebVersion(accounts.current().name(), accounts.current().locale(), message);
        }));
    }

    @Override
    public java.util.Set<CampaignId> opened(ContactId contact) {
        writer.flush();
        return events.engagedCampaigns(TenantContext.requireAccount(), contact, "OPEN");
    }

    @Override
    public java.util.Set<CampaignId> clicked(ContactId contact) {
        writer.flush();
        return events.engagedCampaigns(TenantContext.requireAccount(), contact, "CLICK");
    }

    @Override
    public EngagementFigures figures(CampaignId campaign) {
        writer.flush();
        return events.figures(TenantContext.requireAccount(), campaign);
    }

    @Override
    public List<io.portevoix.campaigns.OpensOverTime> opensOverTime(CampaignId campaign, Instant from, Duration bucket,
            int buckets) {
        writer.flush();
        return events.opensOverTime(TenantContext.requireAccount(), campaign, from, bucket, buckets).stream()
                .map(b -> new io.portevoix.campaigns.OpensOverTime(b.start(), bucket, b.humanOpens(), b.machineOpens()))
                .toList();
    }

    @Override
    public RecipientLinks links(CampaignId campaign, ContactId contact, BroadcastType type) {
        return new RecipientLinks(url(LinkPurpose.UNSUBSCRIBE, campaign, contact, type),
                url(LinkPurpose.PREFERENCES, campaign, contact, type), url(LinkPurpose.WEB_VERSION, campaign, contact, type));
    }

    @Override
    public String oneClickUnsubscribe(CampaignId campaign, ContactId contact, BroadcastType type) {
        return url(LinkPurpose.UNSUBSCRIBE, campaign, contact, type);
    }

    private Optional<RecipientLink> verified(String token, LinkPurpose purpose) {
        return tokens().verify(token).filter(link -> link.purpose() == purpose);
    }

    private <T> T as(AccountId account, Supplier<T> work) {
        return SystemActor.call("recipient page", () -> TenantContext.callAs(account, work));
    }

    @Override
    public Optional<RecipientPage> page(String token, LinkPurpose purpose) {
        return verified(token, purpose).flatMap(link -> as(link.account(), () -> contacts.find(link.contact())
                .map(contact -> new RecipientPage(accounts.current().name(), accounts.current().locale(), link.type(),
                        emailConsents(contact)))));
    }

    private static Map<BroadcastType, Boolean> emailConsents(ContactDetails contact) {
        Map<BroadcastType, Boolean> consents = new EnumMap<>(BroadcastType.class);
        for (BroadcastType type : new BroadcastType[] {BroadcastType.INFORMATIVE, BroadcastType.MARKETING}) {
            consents.put(type, contact.consents().allows(Channel.EMAIL, type));
        }
        return consents;
    }

    @Override
    public boolean unsubscribe(String token) {
        Optional<RecipientLink> link = verified(token, LinkPurpose.UNSUBSCRIBE);
        if (link.isEmpty() || link.get().type() == BroadcastType.LEGAL) {
            return link.isPresent();
        }
        return withdraw(link.get());
    }

    @Override
    public boolean unsubscribe(CampaignId campaign, ContactId contact, BroadcastType type) {
        return type != BroadcastType.LEGAL && withdraw(new RecipientLink(LinkPurpose.UNSUBSCRIBE,
                TenantContext.requireAccount(), contact, campaign, type));
    }

    private boolean withdraw(RecipientLink link) {
        boolean changed = change(link, Map.of(link.type(), false));
        if (changed) {
            writer.add(new Events.Event(link.account(), link.campaign(), link.contact(), "UNSUBSCRIBE", null, false, "",
                    clock.instant()));
        }
        return changed;
    }

    @Override
    public boolean savePreferences(String token, Map<BroadcastType, Boolean> accepted) {
        Optional<RecipientLink> link = verified(token, LinkPurpose.PREFERENCES);
        Map<BroadcastType, Boolean> consents = new EnumMap<>(BroadcastType.class);
        accepted.forEach((type, value) -> {
            if (type != BroadcastType.LEGAL) {
                consents.put(type, value);
            }
        });
        return link.isPresent() && change(link.get(), consents);
    }

    private boolean change(RecipientLink link, Map<BroadcastType, Boolean> consents) {
        return as(link.account(), () -> {
            if (contacts.find(link.contact()).isEmpty()) {
                return false;
            }
            contactCommands.update(link.contact(), ContactInput.builder()
                    .set(ContactField.CONSENTS, Map.of(Channel.EMAIL, consents)).build(), ConsentSource.UNSUBSCRIBE_LINK);
            return true;
        });
    }
}
