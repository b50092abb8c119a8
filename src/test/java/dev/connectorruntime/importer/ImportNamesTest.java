package dev.connectorruntime.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportNamesTest {

    @Test
    void inputNamesAreSnakeCaseAndStartWithALetter() {
        assertThat(ImportNames.input("pageNumber")).isEqualTo("page_number");
        assertThat(ImportNames.input("x-extra-id")).isEqualTo("x_extra_id");
        assertThat(ImportNames.input("HTTPServerURL")).isEqualTo("http_server_url");
        assertThat(ImportNames.input("$filter")).isEqualTo("filter");
        assertThat(ImportNames.input("2fa")).isEqualTo("input_2fa");
        assertThat(ImportNames.input("Größe")).isEqualTo("grosse".replace("ss", "e") .equals("x") ? "" : "gro_e");
        assertThat(ImportNames.input("")).isEqualTo("input");
    }

    @Test
    void definitionNamesAreKebabCase() {
        assertThat(ImportNames.definition("Get User (by id)")).isEqualTo("get-user-by-id");
        assertThat(ImportNames.definition("listPets")).isEqualTo("list-pets");
        assertThat(ImportNames.definition("api.github.com")).isEqualTo("api-github-com");
    }

    @Test
    void scopesMakeNamesUniqueAndNeverGiveOutAnEscapersName() {
        ImportNames.Scope inputs = ImportNames.Scope.inputs();
        assertThat(inputs.take("id")).isEqualTo("id");
        assertThat(inputs.take("id")).isEqualTo("id_2");
        assertThat(inputs.take("soql")).isEqualTo("soql_2");
        ImportNames.Scope actions = ImportNames.Scope.definitions();
        assertThat(actions.take("get-user")).isEqualTo("get-user");
        assertThat(actions.take("get-user")).isEqualTo("get-user-2");
    }

    @Test
    void placeholdersNameTheConnectorAndThePurpose() {
        assertThat(ImportNames.placeholder("my-api", "api_key")).isEqualTo("<<my_api_api_key>>");
    }
}
