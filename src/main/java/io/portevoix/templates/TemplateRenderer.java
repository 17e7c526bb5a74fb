package io.portevoix.templates;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.Nullable;

/**
 * One rendering engine for subject, preheader, HTML and SMS text. Values are HTML-escaped in HTML,
 * dates print in the account's locale and time zone, empty values take the tag's
 * {@code | default: "…"}. Marketing and informative e-mails always carry the legal footer
 * (account name, postal address, unsubscribe and preferences links), added when the template has
 * no {@code {{ unsubscribeUrl }}}; marketing SMS end with the account's opt-out mention.
 */
@PrimaryPort
public interface TemplateRenderer {

    /** The tags the picker offers, with example values (the account's own for account tags). */
    List<MergeTag> mergeTags();

    /** Checks the merge tags of a text without saving it: {@link MergeTagException} when one is wrong. */
    void validate(String field, String text);

    /** Compiles an e-mail for the current account, to render it for many recipients. */
    CompiledEmail compileEmail(EmailContent content, BroadcastType broadcastType);

    /**
     * As {@link #compileEmail(EmailContent, BroadcastType)}, the finished HTML (with its preheader
     * and footer) passed through {@code htmlMarks} before it is compiled (delivery marks its links
     * there once for the whole send), then the text alternative, made from the HTML as it was,
     * through {@code textMarks}.
     */
    CompiledEmail compileEmail(EmailContent content, BroadcastType broadcastType,
            java.util.function.UnaryOperator<String> htmlMarks, java.util.function.UnaryOperator<String> textMarks);

    /** Compiles an SMS text for the current account. */
    CompiledSms compileSms(String text, BroadcastType broadcastType);

    /** A template rendered with a member's data (or example values when {@code contact} is null). */
    RenderedEmail previewEmail(EmailContent content, @Nullable ContactId contact, BroadcastType broadcastType);

    String previewSms(String text, @Nullable ContactId contact, BroadcastType broadcastType);

    /** The shortest and longest renderings of {@code text} over the account's members (up to a sample). */
    SmsRange smsRange(String text, BroadcastType broadcastType);
}
