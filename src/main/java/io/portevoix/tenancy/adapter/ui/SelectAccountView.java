package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.UserQueries;
import jakarta.annotation.security.PermitAll;

/** After login, a user of several accounts picks the one to work in. */
@Route("select-account")
@PageTitle("Porte-Voix")
@PermitAll
final class SelectAccountView extends Main {

    SelectAccountView(UserQueries users, UserCommands commands) {
        addClassName("pv-view");
        add(new H2(getTranslation("selectAccount.title")), new Paragraph(getTranslation("selectAccount.text")));
        Div list = new Div();
        list.addClassName("pv-account-list");
        for (AccountMembership membership : users.myAccounts()) {
            Span role = new Span(getTranslation(membership.administrator() ? "selectAccount.admin" : "selectAccount.member"));
            role.getElement().getThemeList().add("badge contrast");
            Button choose = new Button(membership.accountName(), VaadinIcon.BUILDING.create(), e -> {
                commands.switchAccount(membership.accountId());
                VaadinSession.getCurrent().setAttribute(HomeView.ACCOUNT_CHOSEN, Boolean.TRUE);
                getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
            });
            choose.addThemeVariants(ButtonVariant.LUMO_LARGE);
            choose.addClassName("pv-account-choice");
            Div row = new Div(choose, role);
            row.addClassName("pv-account-row");
            list.add(row);
        }
        add(list);
    }
}
