package io.portevoix.templates.application.port;

import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.SanitizedHtml;
import java.util.List;

/** HTML tooling: sanitising, the plain-text alternative and the check panel's rules. */
public interface HtmlDocuments {

    /**
     * Removes from {@code html} everything that can run code or act on the reader's behalf
     * (scripts, frames, forms, event handlers, script and data URLs, CSS expressions, SVG) and
     * keeps what e-mails need (tables, inline styles, {@code <style>} blocks, Outlook conditional
     * comments after sanitising their content, merge tags such as {@code href="{{ unsubscribeUrl }}"}).
     */
    SanitizedHtml sanitize(String html);

    /** The plain-text alternative of an HTML e-mail: readable text, links as "text (url)", no markup. */
    String plainText(String html);

    /**
     * The check panel: every finding of {@link io.portevoix.templates.CheckRule} in {@code html};
     * {@code requiresUnsubscribe} for marketing e-mails. A clean e-mail gives an empty list.
     */
    List<CheckFinding> check(String html, boolean requiresUnsubscribe);
}
