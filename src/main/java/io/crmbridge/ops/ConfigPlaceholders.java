package io.crmbridge.ops;

import jakarta.inject.Singleton;

import org.apache.camel.Ordered;
import org.apache.camel.spi.PropertiesSource;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Unremovable;

/**
 * Camel's {@code {{...}}} placeholders read from the application's configuration one property at a time, ahead of
 * Camel Quarkus's own MicroProfile source (same values, same order of configuration sources).
 * <p>
 * Why it exists: for every placeholder it resolves from a loadable source, Camel 4.14's {@code DefaultPropertiesLookup}
 * also loads that source's whole property set to name the value's location in its start-up summary. The MicroProfile
 * source loads every configuration property (some thousands in this application) each time, so the few hundred
 * placeholders of the routes' error handlers cost about 5 s of every start. This source is not loadable: a
 * placeholder costs one configuration lookup.
 */
@Singleton
@Unremovable
public class ConfigPlaceholders implements PropertiesSource, Ordered {

    @Override
    public String getName() {
        return "ConfigPlaceholders";
    }

    @Override
    public String getProperty(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    }

    @Override
    public int getOrder() {
        return HIGHEST;
    }
}
