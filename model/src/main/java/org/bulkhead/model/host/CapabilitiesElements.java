package org.bulkhead.model.host;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

/** Jackson's view of the capabilities XML; repeated elements are collected through adders. */
final class CapabilitiesElements {

    private CapabilitiesElements() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Capabilities {
        @JacksonXmlProperty(localName = "host")
        Host host;
        final List<Guest> guests = new ArrayList<>();

        @JacksonXmlProperty(localName = "guest")
        void addGuest(Guest guest) {
            guests.add(guest);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Guest {
        @JacksonXmlProperty(localName = "os_type")
        String osType;
        @JacksonXmlProperty(localName = "arch")
        GuestArch arch;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GuestArch {
        @JacksonXmlProperty(isAttribute = true)
        String name;
        final List<GuestDomain> domains = new ArrayList<>();

        @JacksonXmlProperty(localName = "domain")
        void addDomain(GuestDomain domain) {
            domains.add(domain);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GuestDomain {
        @JacksonXmlProperty(isAttribute = true)
        String type;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Host {
        @JacksonXmlProperty(localName = "uuid")
        String uuid;
        @JacksonXmlProperty(localName = "cpu")
        Cpu cpu;
        final List<Secmodel> secmodels = new ArrayList<>();

        @JacksonXmlProperty(localName = "secmodel")
        void addSecmodel(Secmodel secmodel) {
            secmodels.add(secmodel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Cpu {
        @JacksonXmlProperty(localName = "arch")
        String arch;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Secmodel {
        @JacksonXmlProperty(localName = "model")
        String model;
        @JacksonXmlProperty(localName = "doi")
        String doi;
        final List<Baselabel> baselabels = new ArrayList<>();

        @JacksonXmlProperty(localName = "baselabel")
        void addBaselabel(Baselabel baselabel) {
            baselabels.add(baselabel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Baselabel {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlText
        String label;
    }
}
