package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Sandbox: what the platform sent while running without a real mail server, as recipients see it. */
@Route("sandbox")
@PageTitle("Porte-Voix")
@Menu(order = 110, icon = "vaadin:inbox", title = "nav.sandbox")
@RolesAllowed("PLATFORM_ADMIN")
final class SandboxView extends Main {

    private final MailSandbox sandbox;
    private final Grid<SandboxMessage> grid = new Grid<>();
    private final Div detail = new Div();

    SandboxView(MailSandbox sandbox) {
        this.sandbox = sandbox;
        addClassName("pv-view");
        if (!sandbox.enabled()) {
            add(new Paragraph(getTranslation("sandbox.disabled")));
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(m -> format.format(m.receivedAt().atZone(ZoneId.of("Europe/Paris"))))
                .setHeader(getTranslation("sandbox.at")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader(getTranslation("sandbox.to")).setFlexGrow(1);
        grid.addColumn(SandboxMessage::subject).setHeader(getTranslation("sandbox.subject")).setFlexGrow(2);
        grid.addComponentColumn(m -> {
            Button open = new Button(VaadinIcon.EYE.create(), e -> show(m));
            open.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
            open.getElement().setAttribute("aria-label", getTranslation("sandbox.open"));
            open.addClassName("pv-open-message");
            return open;
        }).setWidth("64px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addItemClickListener(e -> show(e.getItem()));
        Button refresh = new Button(getTranslation("sandbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        detail.addClassName("pv-sandbox-detail");
        detail.setSizeFull();
        Div list = new Div(new Div(new Paragraph(getTranslation("sandbox.text")), refresh), grid);
        list.addClassName("pv-list");
        SplitLayout split = new SplitLayout(list, detail);
        split.setSizeFull();
        split.setSplitterPosition(50);
        add(split);
        refresh();
    }

    private void refresh() {
        grid.setItems(sandbox.messages());
        show(null);
    }

    private void show(SandboxMessage message) {
        detail.removeAll();
        if (message == null) {
            detail.add(new Span(getTranslation("sandbox.pick")));
            return;
        }
        H3 subject = new H3(message.subject());
        Paragraph meta = new Paragraph(getTranslation("sandbox.meta", message.from(), String.join(", ", message.to())));
        IFrame html = new IFrame();
        html.setSrcdoc(message.html());
        html.getElement().setAttribute("sandbox", "");
        html.getElement().setAttribute("title", message.subject());
        html.setSizeFull();
        html.addClassName("pv-sandbox-frame");
        Pre text = new Pre(message.text());
        TabSheet tabs = new TabSheet();
        tabs.add("HTML", html);
        tabs.add(getTranslation("sandbox.textVersion"), text);
        tabs.setSizeFull();
        detail.add(subject, meta, tabs);
    }
}
