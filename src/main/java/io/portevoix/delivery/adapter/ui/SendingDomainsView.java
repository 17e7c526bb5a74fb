package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.SendingDomainDetails;
import io.portevoix.delivery.SendingDomains;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

/**
 * Settings → Sending domains: per domain the SPF, DKIM and DMARC records to publish (each with a
 * copy button) and what the last DNS verification found; domains are added (one the senders use is
 * proposed), their key rotated or removed.
 */
@Route("settings/sending-domains")
@PageTitle("Porte-Voix")
@Menu(order = 97, icon = "vaadin:envelope-o", title = "nav.settings.domains")
@RolesAllowed("SETTINGS_GUEST")
final class SendingDomainsView extends Main {

    private final SendingDomains domains;
    private final boolean editor;
    private final ZoneId zone;
    private final DateTimeFormatter format;
    private final Div content = new Div();

    SendingDomainsView(SendingDomains domains, AccountQueries accounts) {
        this.domains = domains;
        this.editor = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);
        this.zone = accounts.current().timeZone();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("pv-view");
        content.setId("sending-domains");
        add(new H2(getTranslation("domains.title")), new Paragraph(getTranslation("domains.text")), content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (!domains.keysEnabled()) {
            Paragraph noSecret = new Paragraph(VaadinIcon.WARNING.create(), new Span(" " + getTranslation("domains.noSecret")));
            noSecret.addClassName("pv-warning");
            noSecret.setId("domains-no-secret");
            content.add(noSecret);
        }
        if (editor) {
            content.add(addForm());
        }
        var list = domains.list();
        if (list.isEmpty()) {
            content.add(new Paragraph(getTranslation("domains.none")));
        }
        list.forEach(d -> content.add(panel(d)));
    }

    private Div addForm() {
        TextField name = new TextField(getTranslation("domains.add.label"));
        name.setPlaceholder("club.fr");
        name.setId("domain-name");
        name.setWidth("320px");
        Button add = new Button(getTranslation("domains.add"), VaadinIcon.PLUS.create(), e -> {
            name.setInvalid(false);
            try {
                domains.add(name.getValue());
                name.clear();
                done("domains.added");
            } catch (InvalidInputException refused) {
                name.setErrorMessage(refused.errors().getFirst().message());
                name.setInvalid(true);
            } catch (IllegalStateException refused) {
                failed(refused);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("domain-add");
        HorizontalLayout line = new HorizontalLayout(name, add);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div form = new Div(line);
        var suggestions = domains.suggestions();
        if (!suggestions.isEmpty()) {
            Div proposed = new Div(new Span(getTranslation("domains.suggestions") + " "));
            proposed.setId("domain-suggestions");
            suggestions.forEach(s -> {
                Button use = new Button(s, VaadinIcon.PLUS_CIRCLE_O.create(), e -> name.setValue(s));
                use.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                proposed.add(use);
            });
            form.add(proposed);
        }
        return form;
    }

    private Div panel(SendingDomainDetails d) {
        Div panel = new Div();
        panel.addClassName("pv-form-panel");
        panel.addClassName("pv-domain");
        panel.setId("domain-" + d.domain().replace('.', '-'));
        panel.add(new H3(d.domain()));
        panel.add(new Paragraph(getTranslation("domains.key", d.selector(), when(d.keyCreatedAt()))));
        Paragraph check = new Paragraph(d.checkedAt() == null ? getTranslation("domains.check.never")
                : d.dnsUnreachable() ? getTranslation("domains.check.unreachable", when(d.checkedAt()))
                : getTranslation("domains.check.at", when(d.checkedAt())));
        check.addClassName("pv-domain-check");
        panel.add(check);
        d.records().forEach(r -> panel.add(record(r, d.checkedAt() != null && d.dnsUnreachable())));
        Button verify = new Button(getTranslation("domains.verify"), VaadinIcon.SEARCH.create(), e -> act(() -> domains.verify(d.domain()), "domains.verified"));
        verify.addClassName("pv-domain-verify");
        HorizontalLayout actions = new HorizontalLayout(verify);
        if (editor) {
            Button rotate = new Button(getTranslation("domains.rotate"), VaadinIcon.REFRESH.create(), e -> confirm(
                    "domains.rotate.title", "domains.rotate.text", d.domain(), "domains.rotate", "primary",
                    () -> act(() -> domains.rotate(d.domain()), "domains.rotated")));
            rotate.addClassName("pv-domain-rotate");
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> confirm(
                    "domains.delete.title", "domains.delete.text", d.domain(), "action.delete", "error primary",
                    () -> act(() -> {
                        domains.delete(d.domain());
                        return null;
                    }, "domains.deleted")));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.addClassName("pv-domain-delete");
            actions.add(rotate, delete);
        }
        panel.add(actions);
        return panel;
    }

    private Div record(SendingDomainDetails.DnsRecord r, boolean unreachable) {
        Div line = new Div();
        line.addClassName("pv-dns-record");
        line.getElement().setAttribute("data-kind", r.kind().name());
        Span status = new Span(getTranslation(r.status() == DnsRecordStatus.NOT_CHECKED && unreachable
                ? "domains.status.UNREACHABLE" : "domains.status." + r.status().name()));
        status.getElement().getThemeList().add(switch (r.status()) {
            case OK -> "badge success";
            case MISSING, DIFFERENT -> "badge error";
            case NOT_CHECKED -> "badge contrast";
        });
        status.addClassName("pv-dns-status");
        Button copy = new Button(VaadinIcon.COPY_O.create(), e -> {
            e.getSource().getElement().executeJs("return navigator.clipboard.writeText($0)", r.value());
            Notification.show(getTranslation("domains.copied"), 2000, Notification.Position.BOTTOM_END);
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        copy.getElement().setAttribute("aria-label", getTranslation("domains.copy"));
        copy.getElement().setAttribute("title", getTranslation("domains.copy"));
        copy.addClassName("pv-dns-copy");
        HorizontalLayout head = new HorizontalLayout(new Span(getTranslation("domains.record." + r.kind().name())), status);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        Div name = new Div(new Span(getTranslation("domains.record.name") + " "), new Code(r.name()),
                new Span(" · " + r.type()));
        Code value = new Code(r.value());
        value.addClassName("pv-dns-value");
        Div valueLine = new Div(value, copy);
        line.add(head, name, valueLine);
        if (r.status() == DnsRecordStatus.DIFFERENT && !r.found().isEmpty()) {
            line.add(new Div(new Span(getTranslation("domains.record.found") + " "), new Code(r.found())));
        }
        return line;
    }

    private String when(Instant at) {
        return format.format(at.atZone(zone));
    }

    private void act(Supplier<?> action, String done) {
        try {
            action.get();
            done(done);
        } catch (IllegalStateException | java.util.NoSuchElementException refused) {
            failed(refused);
        }
    }

    private void done(String key) {
        Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void failed(RuntimeException refused) {
        Notification.show(refused instanceof IllegalStateException && !domains.keysEnabled()
                ? getTranslation("domains.noSecret") : refused.getMessage(), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        refresh();
    }

    private void confirm(String title, String text, String domain, String button, String theme, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation(title));
        confirm.setText(getTranslation(text, domain));
        Button yes = new Button(getTranslation(button));
        yes.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        yes.setId("domain-confirm");
        confirm.setConfirmButton(yes);
        confirm.addConfirmListener(e -> action.run());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }
}
