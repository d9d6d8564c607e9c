package org.lorkit.infrastructure.mail;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mail templates (FreeMarker, under {@code mail/} in this module): {@code <name>.subject.ftl},
 * {@code <name>.txt.ftl} and optionally {@code <name>.html.ftlh} (HTML-escaped automatically). A calendar
 * attachment is a {@link CalendarEvent}, not a template.
 */
@ApplicationScoped
public class MailTemplates {
    private Configuration configuration;

    @PostConstruct
    void configure() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(MailTemplates.class.getClassLoader(), "mail");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.US);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setRecognizeStandardFileExtensions(true);
    }

    public String render(String name, Map<String, ?> model) {
        return renderIfPresent(name, model).orElseThrow(() -> new IllegalStateException("No mail template " + name));
    }

    public Optional<String> renderIfPresent(String name, Map<String, ?> model) {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return Optional.of(out.toString());
        } catch (TemplateNotFoundException e) {
            return Optional.empty();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Mail template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
