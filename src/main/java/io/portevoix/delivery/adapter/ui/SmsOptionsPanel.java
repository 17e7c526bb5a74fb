package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.portevoix.delivery.SmsOptions;
import io.portevoix.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** The account's SMS options: the most parts per message, and the gateway its SMS leave through. */
final class SmsOptionsPanel extends Div {

    private final IntegerField maxParts = new IntegerField();
    private final Select<String> gateway = new Select<>();

    SmsOptionsPanel(SmsOptions options, boolean editor) {
        addClassName("pv-form-panel");
        io.portevoix.delivery.SmsOptionsDetails current = options.current();
        maxParts.setLabel(getTranslation("smsOptions.maxParts"));
        maxParts.setHelperText(getTranslation("smsOptions.maxParts.help"));
        maxParts.setMin(1);
        maxParts.setMax(10);
        maxParts.setStepButtonsVisible(true);
        maxParts.setId("sms-max-parts");
        maxParts.setReadOnly(!editor);
        List<String> names = new ArrayList<>();
        names.add("");
        names.addAll(current.gateways());
        gateway.setLabel(getTranslation("smsOptions.gateway"));
        gateway.setItems(names);
        gateway.setItemLabelGenerator(name -> name.isEmpty()
                ? getTranslation("smsOptions.gateway.default", current.defaultGateway().isEmpty()
                        ? getTranslation("smsOptions.gateway.none") : getTranslation("smsOptions.gateway." + current.defaultGateway()))
                : getTranslation("smsOptions.gateway." + name));
        gateway.setId("sms-gateway");
        gateway.setWidth("320px");
        gateway.setReadOnly(!editor);
        show(current);
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            maxParts.setInvalid(false);
            try {
                show(options.change(maxParts.getValue() == null ? 0 : maxParts.getValue(), gateway.getValue()));
                Notification.show(getTranslation("smsOptions.saved"), 3000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                maxParts.setErrorMessage(getTranslation("smsOptions.maxParts.invalid"));
                maxParts.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-sms-options");
        save.setVisible(editor);
        HorizontalLayout fields = new HorizontalLayout(maxParts, gateway);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("smsOptions.title")), new Paragraph(getTranslation("smsOptions.text")), fields, new Div(save));
    }

    private void show(io.portevoix.delivery.SmsOptionsDetails current) {
        maxParts.setValue(current.maxParts());
        gateway.setValue(current.gateway());
    }
}
