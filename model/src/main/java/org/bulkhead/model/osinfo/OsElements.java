package org.bulkhead.model.osinfo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

/** Jackson's view of one libosinfo database file; repeated elements are collected through adders. */
final class OsElements {

    private OsElements() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Libosinfo {
        final List<Os> oses = new ArrayList<>();

        @JacksonXmlProperty(localName = "os")
        void addOs(Os os) {
            oses.add(os);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Os {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        final List<String> shortIds = new ArrayList<>();
        final List<Text> names = new ArrayList<>();
        final List<Text> vendors = new ArrayList<>();
        @JacksonXmlProperty(localName = "family")
        String family;
        @JacksonXmlProperty(localName = "distro")
        String distro;
        @JacksonXmlProperty(localName = "version")
        String version;
        @JacksonXmlProperty(localName = "release-date")
        String releaseDate;
        @JacksonXmlProperty(localName = "eol-date")
        String eolDate;
        final List<Ref> parents = new ArrayList<>();
        final List<Media> media = new ArrayList<>();
        final List<Resources> resources = new ArrayList<>();
        final List<Devices> devices = new ArrayList<>();

        @JacksonXmlProperty(localName = "short-id")
        void addShortId(String shortId) {
            shortIds.add(shortId);
        }

        @JacksonXmlProperty(localName = "name")
        void addName(Text name) {
            names.add(name);
        }

        @JacksonXmlProperty(localName = "vendor")
        void addVendor(Text vendor) {
            vendors.add(vendor);
        }

        @JacksonXmlProperty(localName = "derives-from")
        void addDerivesFrom(Ref parent) {
            parents.add(parent);
        }

        @JacksonXmlProperty(localName = "clones")
        void addClones(Ref parent) {
            parents.add(parent);
        }

        @JacksonXmlProperty(localName = "media")
        void addMedia(Media one) {
            media.add(one);
        }

        @JacksonXmlProperty(localName = "resources")
        void addResources(Resources one) {
            resources.add(one);
        }

        @JacksonXmlProperty(localName = "devices")
        void addDevices(Devices one) {
            devices.add(one);
        }
    }

    /** A translatable text: the one without {@code xml:lang} is the English original. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Text {
        @JacksonXmlProperty(isAttribute = true, localName = "lang")
        String lang;
        @JacksonXmlText
        String value;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Ref {
        @JacksonXmlProperty(isAttribute = true)
        String id;
        /** "false" takes back a device the OS would otherwise inherit. */
        @JacksonXmlProperty(isAttribute = true)
        String supported;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Media {
        @JacksonXmlProperty(isAttribute = true)
        String arch;
        @JacksonXmlProperty(localName = "iso")
        Iso iso;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Iso {
        @JacksonXmlProperty(localName = "system-id")
        String systemId;
        @JacksonXmlProperty(localName = "volume-id")
        String volumeId;
        @JacksonXmlProperty(localName = "publisher-id")
        String publisherId;
        @JacksonXmlProperty(localName = "application-id")
        String applicationId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Resources {
        @JacksonXmlProperty(isAttribute = true)
        String arch;
        @JacksonXmlProperty(localName = "minimum")
        Amounts minimum;
        @JacksonXmlProperty(localName = "recommended")
        Amounts recommended;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Amounts {
        @JacksonXmlProperty(localName = "n-cpus")
        String cpus;
        @JacksonXmlProperty(localName = "ram")
        String ram;
        @JacksonXmlProperty(localName = "storage")
        String storage;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Devices {
        final List<Ref> devices = new ArrayList<>();

        @JacksonXmlProperty(localName = "device")
        void addDevice(Ref device) {
            devices.add(device);
        }
    }
}
