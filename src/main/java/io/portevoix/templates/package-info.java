/**
 * Templates owns the account's e-mail and SMS templates and everything that turns them into
 * messages: the drag-and-drop editor, merge tags and their rendering (one Liquid engine for
 * subject, preheader, HTML and SMS text), sanitising of imported HTML, the accessibility and
 * deliverability checks, GSM 03.38 SMS length counting, the image library and the templates a
 * network headquarters publishes to its clubs. It publishes nothing yet; campaigns and delivery
 * call its published API ({@link io.portevoix.templates.TemplateRenderer}, {@link io.portevoix.templates.SmsLength}).
 *
 * <p>It depends on tenancy (the account, its branding, children and audit log) and on audience's
 * published contact read model: merge tags are the fields of the contact grammar and the preview
 * renders a chosen member. DESIGN.md lists {@code templates → tenancy}; the audience edge is the
 * shortest correct design for "preview with a member's data" and for one conversion from a contact
 * to merge values shared by every later sender, and it creates no cycle (audience depends on
 * tenancy only).
 */
@NullMarked
@ApplicationModule(displayName = "Templates", allowedDependencies = {"tenancy", "audience", "shell"})
package io.portevoix.templates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
