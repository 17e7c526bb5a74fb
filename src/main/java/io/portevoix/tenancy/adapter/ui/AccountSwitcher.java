package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.UserQueries;
import io.portevoix.shell.HeaderContribution;
import java.util.List;


/** The account switcher in the header: one login, several accounts, one click to change. */
@org.springframework.stereotype.Component
class AccountSwitcher implements HeaderContribution {

    private final UserQueries users;
    private final UserCommands commands;

    AccountSwitcher(UserQueries users, UserCommands commands) {
        this.users = users;
        this.commands = commands;
    }

    @Override
    public Component create() {
        List<AccountMembership> accounts = TenantContext.currentActor().isPresent() ? users.myAccounts() : List.of();
        if (accounts.isEmpty()) {
            return new Span();
        }
        if (accounts.size() == 1) {
            Span name = new Span(VaadinIcon.BUILDING.create(), new Span(accounts.getFirst().accountName()));
            name.addClassName("pv-account-name");
            return name;
        }
        Select<AccountMembership> select = new Select<>();
        select.addClassName("pv-account-switcher");
        select.setAriaLabel(UI.getCurrent().getTranslation("header.account"));
        select.setItems(accounts);
        select.setItemLabelGenerator(AccountMembership::accountName);
        select.setPrefixComponent(VaadinIcon.BUILDING.create());
        TenantContext.currentAccount().flatMap(current -> accounts.stream()
                .filter(m -> m.accountId().equals(current)).findFirst()).ifPresent(select::setValue);
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                commands.switchAccount(event.getValue().accountId());
                VaadinSession.getCurrent().setAttribute(HomeView.ACCOUNT_CHOSEN, Boolean.TRUE);
                UI.getCurrent().getPage().setLocation("/");
            }
        });
        return select;
    }
}
