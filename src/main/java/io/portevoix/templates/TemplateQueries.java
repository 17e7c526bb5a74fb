package io.portevoix.templates;

import io.portevoix.audience.BroadcastType;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the current account's template library. */
@PrimaryPort
public interface TemplateQueries {

    Optional<TemplateDetails> find(TemplateId id);

    List<TemplateSummary> list(TemplateFilter filter);

    /** An e-mail template as the editor opens it. */
    EditableEmail editable(TemplateId id);

    /** The account's branding blocks (logo, banners, social links, legal footer) for the editor. */
    List<BrandingBlock> brandingBlocks();

    /** The tags used by the account's templates, for the filter and the tag editor. */
    List<String> tags();

    /** What sanitising would keep of {@code html} and what it would remove (shown before an import). */
    SanitizedHtml sanitize(String html);

    /** The accessibility and deliverability check of an e-mail's HTML for a broadcast type. */
    List<CheckFinding> check(String html, BroadcastType broadcastType);

    /** The account's SMS opt-out mention. */
    String stopMention();
}
