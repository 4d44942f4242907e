using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Minsheng.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Endpoints;

/// <summary>
/// The sign-in page of the authorization code flow: a plain Chinese form. Passwords are checked by Identity with
/// lockout (<see cref="IdentityServices"/> sets the limits); a successful sign-in sets a short-lived cookie that
/// only the authorization endpoint reads, and goes back to it.
/// </summary>
internal static class LoginPage
{
    public const string Scheme = "minsheng.signin";
    public const string Path = "/account/login";

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl) => Page(http, antiforgery, returnUrl, userName: "", message: null);

    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, UserManager<PlatformUser> users)
    {
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(http, antiforgery, null, "", "页面已过期，请重新登录。", StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userName = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();

        var user = userName.Length is > 0 and <= 100 ? await users.FindByNameAsync(userName) : null;
        if (user is null) return Page(http, antiforgery, returnUrl, userName, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
        if (user.IsDisabled) return Page(http, antiforgery, returnUrl, userName, "该账号已停用，请联系本单位管理员。", StatusCodes.Status403Forbidden);
        if (await users.IsLockedOutAsync(user)) return Page(http, antiforgery, returnUrl, userName, LockedMessage(user), StatusCodes.Status403Forbidden);
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? Page(http, antiforgery, returnUrl, userName, LockedMessage(user), StatusCodes.Status403Forbidden)
                : Page(http, antiforgery, returnUrl, userName, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
        }
        await users.ResetAccessFailedCountAsync(user);

        var identity = new ClaimsIdentity([new Claim(Claims.Subject, user.Id.ToString()), new Claim(Claims.Name, user.UserName!)], Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static string LockedMessage(PlatformUser user)
    {
        var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMinutes)) : 15;
        return $"连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试。";
    }

    /// <summary>Only back into this site: an absolute or protocol-relative URL would make the page an open redirect.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string userName, string? message, int status = 200)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var error = message is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 · 民生实事管理平台</title>
            <style>
              body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f4f6f8; margin: 0; }
              main { max-width: 360px; margin: 12vh auto; background: #fff; padding: 32px; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
              h1 { font-size: 20px; margin: 0 0 24px; }
              label { display: block; margin: 16px 0 6px; }
              input { width: 100%; box-sizing: border-box; padding: 8px; font-size: 16px; }
              button { margin-top: 24px; width: 100%; padding: 10px; font-size: 16px; background: #c0392b; color: #fff; border: 0; border-radius: 4px; }
              .error { color: #c0392b; }
            </style>
            </head>
            <body>
            <main>
              <h1>民生实事管理平台</h1>
              {{error}}
              <form method="post" action="{{Path}}">
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "")}}">
                <label for="username">用户名</label>
                <input id="username" name="username" autocomplete="username" required value="{{WebUtility.HtmlEncode(userName)}}">
                <label for="password">密码</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">登录</button>
              </form>
            </main>
            </body>
            </html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
