package kz.komek.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordTest {
    @Test
    void aCommonPasswordIsRefusedWhateverItsCaseSayingWhy() {
        for (String common : new String[] {"qwerty12345", "QWERTY12345", "Password123", "1q2w3e4r5t", "1qaz2wsx3edc"}) {
            assertThatThrownBy(() -> new Password(common))
                    .as(common)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is on a list of common passwords");
        }
    }

    @Test
    void theListsRussianWordsAreRefusedTypedWithTheCyrillicLayoutToo() {
        // the list has "fktrcfylhf": "александра" typed with the Latin layout on
        assertThat(Password.common("fktrcfylhf")).isTrue();
        assertThat(Password.common("Александра")).isTrue();
        // the same keys as "1q2w3e4r5t" with the Russian layout on, and with the Kazakh one (its digit row is letters)
        assertThat(Password.common("1й2ц3у4к5е")).isTrue();
        assertThat(Password.common("1йәціуңкғе")).isTrue();
    }

    @Test
    void aLongUncommonPasswordIsTaken() {
        assertThat(new Password("correct horse battery").value()).isEqualTo("correct horse battery");
        assertThat(Password.common("Жаз-2024 таудағы үй")).isFalse();
        assertThat(CommonPasswords.size()).isBetween(1_557L, 3 * 1_557L);
    }

    @Test
    void thePasswordMayNotBeTheUsersName() {
        var name = new UserName("nurlan.bekov");
        assertThatThrownBy(() -> new Password("Nurlan.Bekov").notNameOf(name))
                .hasMessage("the password is the user name; choose another");
        assertThat(new Password("nurlan.bekov 1987").notNameOf(name).value()).isEqualTo("nurlan.bekov 1987");
    }
}
