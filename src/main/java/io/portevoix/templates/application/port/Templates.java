package io.portevoix.templates.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateSummary;
import io.portevoix.templates.domain.Template;
import java.util.List;
import java.util.Optional;

/** Storage of templates, always within one account. */
public interface Templates {

    void insert(Template template);

    void update(Template template);

    Optional<Template> find(AccountId account, TemplateId id);

    /** The account's copy of a headquarters' template, if it received one. */
    Optional<Template> findCopyOf(AccountId account, TemplateId original);

    List<TemplateSummary> list(AccountId account, TemplateFilter filter);

    List<String> tags(AccountId account);

    void delete(AccountId account, TemplateId id);

    String stopMention(AccountId account);

    void saveStopMention(AccountId account, String mention);
}
