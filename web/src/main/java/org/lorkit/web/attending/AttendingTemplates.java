package org.lorkit.web.attending;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lorkit.web.support.Format;
import org.lorkit.web.support.Messages;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The attending's pages, drawn by FreeMarker from {@code org/lorkit/web/attending/*.ftlh} (this module's resources):
 * HTML output format, so every value is escaped unless a template says it is markup already. Their words are the
 * pages' bundle ({@code messages.properties}, as {@code msg["key"]}), their days and patterns {@link Format}'s, as on
 * the JSF pages.
 */
@ApplicationScoped
public class AttendingTemplates {
    @Inject
    Format format;

    private Configuration configuration;
    private Map<String, String> words;

    @PostConstruct
    void configure() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(AttendingTemplates.class.getClassLoader(), "org/lorkit/web/attending");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setLocale(Locale.US);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setFallbackOnNullLoopVariable(false);
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH, Messages.class.getClassLoader());
        Map<String, String> all = new HashMap<>();
        bundle.keySet().forEach(key -> all.put(key, bundle.getString(key)));
        words = Collections.unmodifiableMap(all);
    }

    /** Renders a template with the model, the bundle's words and {@link Format} added. */
    public String render(String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("msg", words);
        all.put("format", format);
        try {
            StringWriter out = new StringWriter(8192);
            configuration.getTemplate(template).process(all, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Attending page template " + template + " failed: " + e.getMessage(), e);
        }
    }

    public String word(String key) {
        return words.get(key);
    }
}
