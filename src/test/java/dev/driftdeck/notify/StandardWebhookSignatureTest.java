package dev.driftdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

    @Test
    void signsSvixsDocumentedExample() {
        assertThat(StandardWebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretThatIsNotBase64IsNamedWithoutBeingRepeated() {
        assertThatThrownBy(() -> StandardWebhookSignature.sign("whsec_not base64!", "id", 1, "{}"))
                .hasMessageContaining("not whsec_ followed by base64").hasMessageNotContaining("not base64!");
    }
}
