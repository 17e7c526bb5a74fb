package io.portevoix.templates.domain;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.AutomationType;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateLockedException;
import io.portevoix.templates.TemplateStatus;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A template of one account. Its transitions guard the rules users meet: a locked template's
 * content cannot change, an archived one cannot be edited before it is restored, and a copy
 * received from the network stops following the headquarters' updates once it is changed here.
 */
public final class Template {

    public static final int MAX_NAME = 200;
    public static final int MAX_SMS = 1_600;

    private final TemplateId id;
    private final AccountId account;
    private final Channel channel;
    private String name;
    private String description;
    private List<String> tags;
    private @Nullable AutomationType automationType;
    private TemplateStatus status;
    private boolean locked;
    private EmailContent email;
    private String smsText;
    private @Nullable NetworkSource source;
    private boolean modifiedLocally;
    private boolean published;
    private int revision;
    private final String createdBy;
    private String updatedBy;
    private final Instant createdAt;
    private Instant updatedAt;

    /** Where a network copy comes from: the headquarters' template and the revision last received. */
    public record NetworkSource(AccountId account, TemplateId template, int revision) {
    }

    /** Every field, for storage adapters rebuilding a template. */
    public record Snapshot(TemplateId id, AccountId account, Channel channel, String name, String description,
            List<String> tags, @Nullable AutomationType automationType, TemplateStatus status, boolean locked,
            EmailContent email, String smsText, @Nullable NetworkSource source, boolean modifiedLocally,
            boolean published, int revision, String createdBy, String updatedBy, Instant createdAt, Instant updatedAt) {
    }

    private Template(Snapshot s) {
        this.id = s.id();
        this.account = s.account();
        this.channel = s.channel();
        this.name = s.name();
        this.description = s.description();
        this.tags = s.tags();
        this.automationType = s.automationType();
        this.status = s.status();
        this.locked = s.locked();
        this.email = s.email();
        this.smsText = s.smsText();
        this.source = s.source();
        this.modifiedLocally = s.modifiedLocally();
        this.published = s.published();
        this.revision = s.revision();
        this.createdBy = s.createdBy();
        this.updatedBy = s.updatedBy();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    public static Template restore(Snapshot snapshot) {
        return new Template(snapshot);
    }

    /** A new template of the account's own. */
    public static Template create(AccountId account, Channel channel, String name, String description, List<String> tags,
            @Nullable AutomationType automationType, EmailContent email, String smsText, String by, Instant now) {
        return new Template(new Snapshot(TemplateId.random(), account, channel, requireName(name),
                requireDescription(description), normaliseTags(tags), automationType, TemplateStatus.ACTIVE, false,
                channel == Channel.EMAIL ? email : EmailContent.EMPTY, channel == Channel.SMS ? requireSms(smsText) : "",
                null, false, false, 1, by, by, now, now));
    }

    /** The copy a club receives when its headquarters publishes {@code original}. */
    public static Template networkCopy(AccountId account, Template original, String by, Instant now) {
        return new Template(new Snapshot(TemplateId.random(), account, original.channel, original.name,
                original.description, original.tags, original.automationType, TemplateStatus.ACTIVE, original.locked,
                original.email, original.smsText, new NetworkSource(original.account, original.id, original.revision),
                false, false, 1, by, by, now, now));
    }

    /** A copy of this template in the same account, to adapt it; never locked, never following the network. */
    public Template duplicate(String copyName, String by, Instant now) {
        if (locked && source != null) {
            throw new TemplateLockedException("A locked template of the network can be used, not duplicated");
        }
        return new Template(new Snapshot(TemplateId.random(), account, channel, requireName(copyName), description, tags,
                automationType, TemplateStatus.ACTIVE, false, email, smsText, null, false, false, 1, by, by, now, now));
    }

    public void describe(String newName, String newDescription, List<String> newTags,
            @Nullable AutomationType newAutomationType, boolean newLocked, String by, Instant now) {
        requireEditable();
        if (source != null && newLocked != locked) {
            throw new TemplateLockedException("Only the headquarters decide whether their template is locked");
        }
        this.name = requireName(newName);
        this.description = requireDescription(newDescription);
        this.tags = normaliseTags(newTags);
        this.automationType = newAutomationType;
        this.locked = newLocked;
        touched(by, now);
    }

    public void changeEmail(EmailContent content, String by, Instant now) {
        if (channel != Channel.EMAIL) {
            throw new IllegalStateException("An SMS template has no e-mail content");
        }
        requireContentEditable();
        this.email = Objects.requireNonNull(content);
        touched(by, now);
    }

    public void changeSms(String text, String by, Instant now) {
        if (channel != Channel.SMS) {
            throw new IllegalStateException("An e-mail template has no SMS text");
        }
        requireContentEditable();
        this.smsText = requireSms(text);
        touched(by, now);
    }

    public void archive(String by, Instant now) {
        if (status == TemplateStatus.ARCHIVED) {
            throw new IllegalStateException("This template is already archived");
        }
        status = TemplateStatus.ARCHIVED;
        updatedBy = by;
        updatedAt = now;
    }

    public void reactivate(String by, Instant now) {
        if (status == TemplateStatus.ACTIVE) {
            throw new IllegalStateException("This template is already active");
        }
        status = TemplateStatus.ACTIVE;
        updatedBy = by;
        updatedAt = now;
    }

    /** A headquarters shares this template with its clubs (they receive a copy). */
    public void publish(String by, Instant now) {
        if (source != null) {
            throw new IllegalStateException("A template received from the network cannot be published again");
        }
        if (status != TemplateStatus.ACTIVE) {
            throw new IllegalStateException("Only an active template can be published");
        }
        published = true;
        updatedBy = by;
        updatedAt = now;
    }

    public void unpublish(String by, Instant now) {
        published = false;
        updatedBy = by;
        updatedAt = now;
    }

    /**
     * The headquarters changed the original: an unmodified copy takes the new content and
     * classification; a copy changed here keeps its own. Returns whether the copy changed.
     */
    public boolean receiveNetworkUpdate(Template original, Instant now) {
        if (source == null || !source.template().equals(original.id)) {
            throw new IllegalArgumentException("This template is not a copy of " + original.id);
        }
        if (modifiedLocally || source.revision() >= original.revision) {
            return false;
        }
        this.name = original.name;
        this.description = original.description;
        this.tags = original.tags;
        this.automationType = original.automationType;
        this.locked = original.locked;
        this.email = original.email;
        this.smsText = original.smsText;
        this.source = new NetworkSource(source.account(), source.template(), original.revision);
        this.revision++;
        this.updatedBy = original.updatedBy;
        this.updatedAt = now;
        return true;
    }

    public boolean deletable() {
        return !published && !(locked && source != null);
    }

    private void touched(String by, Instant now) {
        if (source != null) {
            modifiedLocally = true;
        }
        revision++;
        updatedBy = by;
        updatedAt = now;
    }

    private void requireEditable() {
        if (status == TemplateStatus.ARCHIVED) {
            throw new IllegalStateException("An archived template cannot be changed; restore it first");
        }
    }

    private void requireContentEditable() {
        requireEditable();
        if (locked && source != null) {
            throw new TemplateLockedException("This template is locked by the headquarters: it can be used, not changed");
        }
    }

    private static String requireName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > MAX_NAME) {
            throw new IllegalArgumentException("A template needs a name of at most " + MAX_NAME + " characters");
        }
        return value;
    }

    private static String requireDescription(String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > 1_000) {
            throw new IllegalArgumentException("A description has at most 1,000 characters");
        }
        return value;
    }

    private static String requireSms(String text) {
        String value = text == null ? "" : text;
        if (value.length() > MAX_SMS) {
            throw new IllegalArgumentException("An SMS text has at most " + MAX_SMS + " characters");
        }
        return value;
    }

    static List<String> normaliseTags(List<String> tags) {
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String value = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                if (value.length() > 50) {
                    throw new IllegalArgumentException("A tag has at most 50 characters");
                }
                clean.add(value);
            }
        }
        return List.copyOf(clean);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, account, channel, name, description, tags, automationType, status, locked, email, smsText,
                source, modifiedLocally, published, revision, createdBy, updatedBy, createdAt, updatedAt);
    }

    public TemplateId id() {
        return id;
    }

    public AccountId account() {
        return account;
    }

    public Channel channel() {
        return channel;
    }

    public String name() {
        return name;
    }

    public boolean locked() {
        return locked;
    }

    public boolean published() {
        return published;
    }

    public int revision() {
        return revision;
    }

    public @Nullable NetworkSource source() {
        return source;
    }

    public EmailContent email() {
        return email;
    }

    public String smsText() {
        return smsText;
    }

    public TemplateStatus status() {
        return status;
    }
}
