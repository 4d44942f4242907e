using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Minsheng.Api.Tests.Isolation;
using Minsheng.Identity.Development;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// Issue #16, token cases, in the Production configuration: every way a token can be wrong is refused with 401
/// (or 403 where the token is fine but asks for what it may not have), and nothing is read.
/// </summary>
public sealed class TokenCaseTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Read = "{ tenant { regionCode } projects(first: 1) { totalCount } }";

    private async Task<string> CountyDashboardTokenAsync() =>
        (await factory.ClientCredentialsAsync(DevelopmentAccounts.CountyClientId, DevelopmentAccounts.CountyClientSecret)).AccessToken;

    private async Task<RSA> ServerKeyAsync()
    {
        var material = (byte[])(await factory.OwnerScalarAsync("SELECT material FROM token_keys WHERE purpose = 'signing'"))!;
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(material, out _);
        return rsa;
    }

    private GraphQLClient With(string token, string? tenant = null) => new(factory.CreateClient(), tenant, token);

    [Fact]
    public async Task A_valid_token_reads_its_own_tenant()
    {
        var data = await With(await CountyDashboardTokenAsync()).QueryAsync(Read);

        Assert.Equal("411302", data.GetProperty("tenant").GetProperty("regionCode").GetString());
        Assert.True(data.GetProperty("projects").GetProperty("totalCount").GetInt32() > 0);
    }

    public static TheoryData<string> BrokenTokens => ["expired", "not yet valid", "wrong audience", "wrong issuer", "tampered", "foreign key", "garbage", "no signature"];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_broken_token_is_401_and_reads_nothing(string broken)
    {
        var token = await CountyDashboardTokenAsync();
        using var key = await ServerKeyAsync();
        using var foreign = RSA.Create(2048);
        var kid = (string?)JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[0]))))!["kid"];
        var forged = broken switch
        {
            "expired" => TokenForgery.Resign(token, key, p => { p["iat"] = TokenForgery.Now(TimeSpan.FromHours(-2)); p["exp"] = TokenForgery.Now(TimeSpan.FromHours(-1)); }),
            "not yet valid" => TokenForgery.Resign(token, key, p => { p["nbf"] = TokenForgery.Now(TimeSpan.FromHours(1)); p["exp"] = TokenForgery.Now(TimeSpan.FromHours(2)); }),
            "wrong audience" => TokenForgery.Resign(token, key, p => p["aud"] = "some-other-api"),
            "wrong issuer" => TokenForgery.Resign(token, key, p => p["iss"] = "https://issuer.example/"),
            // The bearer edits its own token to another tenant: the signature no longer matches.
            "tampered" => TokenForgery.Tamper(token, p => p["tenant"] = "411303"),
            "foreign key" => TokenForgery.Resign(token, foreign, p => p["tenant"] = "411303", kid),
            "garbage" => "not-a-token",
            _ => string.Join('.', token.Split('.')[..2]) + ".",
        };
        // The same token untouched but re-signed with the real key still works: the refusals are about what changed.
        var control = TokenForgery.Resign(token, key, _ => { });

        var response = await With(forged).PostAsync(Read);
        var controlResponse = await With(control).PostAsync(Read);

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
        Assert.Contains("Bearer", response.Message.Headers.WwwAuthenticate.ToString());
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.Equal(200, controlResponse.Status);
    }

    [Fact]
    public async Task A_token_remembered_after_validation_still_stops_working_when_it_expires()
    {
        using var key = await ServerKeyAsync();
        var shortLived = TokenForgery.Resign(await CountyDashboardTokenAsync(), key, p => p["exp"] = TokenForgery.Now(TimeSpan.FromSeconds(3)));

        var fresh = await With(shortLived).PostAsync(Read);
        var remembered = await With(shortLived).PostAsync(Read);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var expired = await With(shortLived).PostAsync(Read);

        Assert.Equal(200, fresh.Status);
        Assert.Equal(200, remembered.Status);
        Assert.Equal((401, "UNAUTHENTICATED"), (expired.Status, expired.ErrorCode()));
    }

    [Fact]
    public async Task A_header_naming_another_tenant_than_the_token_is_forbidden()
    {
        var token = await CountyDashboardTokenAsync();

        var sibling = await With(token, tenant: "411303").PostAsync(Read);
        var same = await With(token, tenant: "411302").PostAsync(Read);

        Assert.Equal((403, "FORBIDDEN"), (sibling.Status, sibling.ErrorCode()));
        Assert.False(sibling.Body.TryGetProperty("data", out _));
        Assert.Equal(200, same.Status);
    }

    [Fact]
    public async Task A_document_allowed_to_one_caller_is_checked_again_for_a_caller_with_other_permissions()
    {
        // The same text each time: the endpoint's cached document, whose verdict for the administrator is remembered.
        const string Trail = "{ auditTrail(first: 1) { action } tenant { regionCode } }";
        var admin = With((await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        var dashboard = With(await CountyDashboardTokenAsync());
        var anonymous = new GraphQLClient(factory.CreateClient(), "411302");

        var allowed = new[] { await admin.PostAsync(Trail), await admin.PostAsync(Trail), await admin.PostAsync(Trail) };
        var byDashboard = await dashboard.PostAsync(Trail);
        var byAnonymous = await anonymous.PostAsync(Trail);
        var adminAgain = await admin.PostAsync(Trail);

        Assert.All(allowed, a => Assert.False(a.HasErrors, a.Body.ToString()));
        Assert.Equal((403, "FORBIDDEN"), (byDashboard.Status, byDashboard.ErrorCode()));
        Assert.Contains("auditTrail", byDashboard.Body.ToString());
        Assert.Equal(401, byAnonymous.Status);
        Assert.False(adminAgain.HasErrors, adminAgain.Body.ToString());
    }

    [Fact]
    public async Task A_token_without_the_write_scope_never_writes()
    {
        var client = With(await CountyDashboardTokenAsync());
        var readOnlyAdmin = With((await factory.SignInAsync("411302-tenant-admin", scope: "openid read")).AccessToken);
        var asksForWrite = await TestSignIn.TokenAsync(factory, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DevelopmentAccounts.CountyClientId,
            ["client_secret"] = DevelopmentAccounts.CountyClientSecret, ["scope"] = "read write",
        });
        const string Write = "mutation { createUnit(input: { name: \"不该出现的局\" }) { id } }";

        var byClient = await client.PostAsync(Write);
        var byAdmin = await readOnlyAdmin.PostAsync(Write);

        Assert.Equal((403, "FORBIDDEN"), (byClient.Status, byClient.ErrorCode()));
        Assert.Equal((403, "FORBIDDEN"), (byAdmin.Status, byAdmin.ErrorCode()));
        // OpenIddict refuses a scope the client was not registered for (it answers invalid_request).
        Assert.Null(asksForWrite.Tokens);
        Assert.NotNull(asksForWrite.Error);
        Assert.Equal(0L, await factory.OwnerScalarAsync("SELECT count(*) FROM units WHERE name = '不该出现的局'"));
    }

    [Fact]
    public async Task A_revoked_client_is_refused_at_once_and_gets_no_new_token()
    {
        var admin = With((await factory.SignInAsync("411303-tenant-admin")).AccessToken);
        var registered = (await admin.QueryAsync("mutation { registerDashboardClient(input: { name: \"卧龙区大屏\" }) { client { id clientId } clientSecret } }"))
            .GetProperty("registerDashboardClient");
        var clientId = registered.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = registered.GetProperty("clientSecret").GetString()!;
        var token = (await factory.ClientCredentialsAsync(clientId, secret)).AccessToken;
        var before = await With(token).PostAsync(Read);

        await admin.QueryAsync("mutation($id: ID!) { revokeDashboardClient(input: { id: $id }) { revokedAt } }",
            new { id = registered.GetProperty("client").GetProperty("id").GetString() });
        var after = await With(token).PostAsync(Read);
        var newToken = await TestSignIn.TokenAsync(factory, new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });

        Assert.Equal("411303", before.Data.GetProperty("tenant").GetProperty("regionCode").GetString());
        Assert.Equal((401, "UNAUTHENTICATED"), (after.Status, after.ErrorCode()));
        Assert.NotNull(newToken.Error);
        Assert.Null(newToken.Tokens);
        // The tenant's audit trail says who registered and who revoked the client, and keeps no secret.
        Assert.Equal("register user:411303-tenant-admin; revoke user:411303-tenant-admin", await factory.OwnerScalarAsync($"""
            SELECT string_agg(action || ' ' || actor, '; ' ORDER BY at, action) FROM audit_entries
            WHERE entity_type = 'DashboardClient' AND after->>'ClientId' = '{clientId}'
            """));
        Assert.Equal(0L, await factory.OwnerScalarAsync($"SELECT count(*) FROM audit_entries WHERE after::text LIKE '%{secret}%'"));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_and_cannot_sign_in_again()
    {
        var admin = With((await factory.SignInAsync("411303-tenant-admin")).AccessToken);
        var created = (await admin.QueryAsync("""
            mutation { createUser(input: { userName: "wolong-viewer-1", displayName: "查看员", password: "viewer-2026", roles: ["viewer"] }) { id roles } }
            """)).GetProperty("createUser");
        var token = (await factory.SignInAsync("wolong-viewer-1", "viewer-2026")).AccessToken;
        var before = await With(token).PostAsync(Read);

        await admin.QueryAsync("mutation($id: ID!) { updateUser(input: { id: $id, disabled: true }) { disabled } }", new { id = created.GetProperty("id").GetString() });
        var after = await With(token).PostAsync(Read);
        var signIn = await TestSignIn.TryAuthorizationCodeAsync(factory, "wolong-viewer-1", "viewer-2026", "openid read");

        Assert.Equal(200, before.Status);
        Assert.Equal((401, "UNAUTHENTICATED"), (after.Status, after.ErrorCode()));
        Assert.Null(signIn.Tokens);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.Status);
        Assert.Equal("create false; update true", await factory.OwnerScalarAsync("""
            SELECT string_agg(action || ' ' || (after->>'Disabled'), '; ' ORDER BY at) FROM audit_entries
            WHERE entity_type = 'User' AND after->>'UserName' = 'wolong-viewer-1' AND actor = 'user:411303-tenant-admin'
            """));
    }

    [Fact]
    public async Task A_disabled_tenant_is_refused_even_with_a_valid_token()
    {
        var token = (await factory.SignInAsync("411321-tenant-admin")).AccessToken;
        var platform = With((await factory.SignInAsync("platform-admin")).AccessToken);
        var before = await With(token).PostAsync(Read);

        await platform.QueryAsync("mutation { disableTenant(input: { regionCode: \"411321\" }) { status } }");
        var after = await With(token).PostAsync(Read);
        var signIn = await TestSignIn.TryAuthorizationCodeAsync(factory, "411321-tenant-admin", DevelopmentAccounts.Password, "openid read");
        await platform.QueryAsync("mutation { enableTenant(input: { regionCode: \"411321\" }) { status } }");

        Assert.Equal(200, before.Status);
        Assert.Equal((403, "FORBIDDEN"), (after.Status, after.ErrorCode()));
        Assert.Null(signIn.Tokens);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var admin = With((await factory.SignInAsync("411303-tenant-admin")).AccessToken);
        var id = (await admin.QueryAsync("""
            mutation { createUser(input: { userName: "wolong-locked", displayName: "锁定测试", password: "right-2026", roles: ["viewer"] }) { id } }
            """)).GetProperty("createUser").GetProperty("id").GetString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await TestSignIn.TryAuthorizationCodeAsync(factory, "wolong-locked", "wrong-password", "openid read")).Status);
        var right = await TestSignIn.TryAuthorizationCodeAsync(factory, "wolong-locked", "right-2026", "openid read");

        var locked = (await admin.QueryAsync("{ users { userName lockedOut } }")).GetProperty("users").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "wolong-locked").GetProperty("lockedOut").GetBoolean();
        // The tenant administrator sets a new password, which lifts the lock.
        await admin.QueryAsync("mutation($id: ID!) { resetUserPassword(input: { id: $id, password: \"new-right-2026\" }) { lockedOut } }", new { id });
        var afterReset = await TestSignIn.TryAuthorizationCodeAsync(factory, "wolong-locked", "new-right-2026", "openid read");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Forbidden], statuses);
        Assert.Null(right.Tokens);
        Assert.Contains("锁定", right.Error);
        Assert.True(locked);
        Assert.NotNull(afterReset.Tokens);
        Assert.Equal(0L, await factory.OwnerScalarAsync("SELECT count(*) FROM audit_entries WHERE after::text LIKE '%new-right-2026%'"));
    }

    [Fact]
    public async Task A_refresh_token_is_rotated_and_the_old_one_is_refused()
    {
        var first = await factory.SignInAsync("411302-viewer", scope: "openid offline_access read");
        var second = await factory.RefreshAsync(first.RefreshToken!);
        var reused = await TestSignIn.TokenAsync(factory, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first.RefreshToken!, ["client_id"] = Minsheng.Identity.Clients.ConsoleClientRegistration.ClientId,
        });

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(200, (await With(second.AccessToken).PostAsync(Read)).Status);
        Assert.Equal("invalid_grant", reused.Error);
    }

    private static string Pad(string part) => part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
}
