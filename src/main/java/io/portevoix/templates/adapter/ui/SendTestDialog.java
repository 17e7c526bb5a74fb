package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactSummary;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateId;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import java.util.Arrays;

/** A test e-mail of a template to the user or any addresses, with a member's data; not counted, not charged. */
final class SendTestDialog extends Dialog {

    SendTestDialog(TemplateCommands commands, ContactQueries contacts, TemplateId template, String name) {
        setHeaderTitle(getTranslation("templates.test.title", name));
        setWidth("560px");
        TextField to = new TextField(getTranslation("templates.test.to"));
        to.setHelperText(getTranslation("templates.test.to.help"));
        to.setValue(TenantContext.currentActor().map(Actor::displayName).filter(a -> a.contains("@")).orElse(""));
        to.setWidthFull();
        to.setId("test-to");
        ComboBox<ContactSummary> member = new ComboBox<>(getTranslation("templates.preview.member"));
        member.setPlaceholder(getTranslation("templates.preview.examples"));
        member.setClearButtonVisible(true);
        member.setWidthFull();
        member.setItemLabelGenerator(c -> ((c.firstName() == null ? "" : c.firstName()) + " "
                + (c.lastName() == null ? "" : c.lastName())).strip() + (c.email() == null ? "" : " · " + c.email()));
        boolean canReadContacts = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.GUEST);
        member.setVisible(canReadContacts);
        if (canReadContacts) {
            member.setItems(query -> contacts.page(new ContactFilter(query.getFilter().orElse(""), null),
                    new PageSpec(query.getOffset(), Math.min(query.getLimit(), 50))).stream());
        }
        Select<BroadcastType> type = new Select<>();
        type.setLabel(getTranslation("templates.broadcast"));
        type.setItems(BroadcastType.values());
        type.setItemLabelGenerator(t -> getTranslation("templates.broadcast." + t.name()));
        type.setValue(BroadcastType.MARKETING);
        add(new Paragraph(getTranslation("templates.test.text")), to, member, type);
        Button send = new Button(getTranslation("templates.test.send"), VaadinIcon.PAPERPLANE.create(), e -> {
            try {
                int sent = commands.sendTest(template, Arrays.asList(to.getValue().split("[,;\\s]+")),
                        member.getValue() == null ? null : member.getValue().id(), type.getValue());
                TemplateMessages.success(getTranslation("templates.test.sent", sent));
                close();
            } catch (InvalidInputException invalid) {
                to.setInvalid(true);
                to.setErrorMessage(getTranslation("templates.test.invalid"));
            } catch (MergeTagException tags) {
                TemplateMessages.error(TemplateMessages.describe(tags));
            } catch (IllegalStateException unavailable) {
                TemplateMessages.error(getTranslation("templates.test.unavailable"));
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("test-send");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), send);
    }
}
