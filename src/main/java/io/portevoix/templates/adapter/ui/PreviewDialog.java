package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactSummary;
import io.portevoix.shared.PageSpec;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Preview with a member's data: pick a member (search), see subject, preheader, HTML and text as
 * that member will, or open the rendered page in a new browser tab.
 */
final class PreviewDialog extends Dialog {

    private final TemplateRenderer renderer;
    private final EmailContent content;
    private final ComboBox<ContactSummary> member = new ComboBox<>();
    private final Select<BroadcastType> type = new Select<>();
    private final Div result = new Div();
    private @Nullable RenderedEmail rendered;

    PreviewDialog(TemplateRenderer renderer, ContactQueries contacts, EmailContent content, String title) {
        this.renderer = renderer;
        this.content = content;
        setHeaderTitle(getTranslation("templates.preview.title", title));
        setWidth("980px");
        setHeight("90vh");
        member.setPlaceholder(getTranslation("templates.preview.examples"));
        member.setClearButtonVisible(true);
        member.setWidth("340px");
        member.setId("preview-member");
        member.setItemLabelGenerator(c -> (nullToEmpty(c.firstName()) + " " + nullToEmpty(c.lastName())).strip()
                + (c.email() == null ? "" : " · " + c.email()));
        boolean canReadContacts = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.GUEST);
        member.setVisible(canReadContacts);
        if (canReadContacts) {
            member.setItems(query -> contacts.page(new ContactFilter(query.getFilter().orElse(""), null),
                    new PageSpec(query.getOffset(), Math.min(query.getLimit(), 50))).stream());
        }
        member.addValueChangeListener(e -> refresh());
        type.setItems(BroadcastType.values());
        type.setItemLabelGenerator(t -> getTranslation("templates.broadcast." + t.name()));
        type.setValue(BroadcastType.MARKETING);
        type.addValueChangeListener(e -> refresh());
        type.setLabel(getTranslation("templates.broadcast"));
        member.setLabel(getTranslation("templates.preview.member"));
        Anchor browser = new Anchor((DownloadHandler) event -> {
            event.setContentType("text/html;charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                out.write((rendered == null ? "" : rendered.html()).getBytes(StandardCharsets.UTF_8));
            }
        }, com.vaadin.flow.component.html.AttachmentType.INLINE, "");
        browser.setTarget(AnchorTarget.BLANK);
        browser.add(VaadinIcon.EXTERNAL_LINK.create(), new Span(getTranslation("templates.preview.open")));
        browser.setId("preview-open");
        browser.addClassName("pv-link-button");
        HorizontalLayout toolbar = new HorizontalLayout(member, type, browser);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        result.addClassName("pv-preview");
        result.setSizeFull();
        add(toolbar, result);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        refresh();
    }

    private void refresh() {
        result.removeAll();
        try {
            ContactSummary chosen = member.getValue();
            rendered = renderer.previewEmail(content, chosen == null ? null : chosen.id(), type.getValue());
        } catch (MergeTagException e) {
            rendered = null;
            result.add(new Span(TemplateMessages.describe(e)));
            return;
        }
        Div headers = new Div();
        headers.addClassName("pv-preview-headers");
        headers.add(line("templates.field.subject", rendered.subject(), "preview-subject"),
                line("templates.field.preheader", rendered.preheader(), "preview-preheader"));
        IFrame html = new IFrame();
        html.setSrcdoc(rendered.html());
        html.getElement().setAttribute("sandbox", "allow-same-origin");
        html.getElement().setAttribute("title", rendered.subject());
        html.setId("preview-html");
        html.addClassName("pv-preview-frame");
        html.setSizeFull();
        Pre text = new Pre(rendered.text());
        text.setId("preview-text");
        text.addClassName("pv-preview-text");
        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("templates.preview.html"), html);
        tabs.add(getTranslation("templates.preview.text"), text);
        tabs.setSizeFull();
        result.add(headers, tabs);
    }

    private Div line(String label, String value, String id) {
        Span name = new Span(getTranslation(label));
        name.addClassName("pv-preview-label");
        Span text = new Span(value.isEmpty() ? "—" : value);
        text.setId(id);
        Div line = new Div(name, text);
        line.addClassName("pv-preview-line");
        return line;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
