package com.scalecommerce.web.admin.products;

import java.nio.file.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * An image the admin's browser uploaded to us (a temporary file Quarkus deletes after the request), passed on to
 * products as the same kind of multipart form. Products decides from the bytes what the image is.
 */
record ImageUpload(Path file, String fileName, String contentType, String alt, UUID variantId) {

    ClientMultipartForm asForm() {
        var form = ClientMultipartForm.create()
                .binaryFileUpload(
                        "file",
                        fileName == null || fileName.isBlank() ? "image" : fileName,
                        file.toString(),
                        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType);
        if (alt != null) {
            form.attribute("alt", alt, null);
        }
        if (variantId != null) {
            form.attribute("variantId", variantId.toString(), null);
        }
        return form;
    }
}
