using Microsoft.AspNetCore.Identity;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>Identity's messages that can reach a dashboard user, in French.</summary>
public sealed class FrenchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit compter au moins {length} caractères." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Mot de passe actuel incorrect." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Un compte existe déjà pour « {email} »." };

    public override IdentityError DuplicateUserName(string userName) => DuplicateEmail(userName);

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"Adresse e-mail invalide : « {userName} »." };

    public override IdentityError InvalidEmail(string? email) => InvalidUserName(email);

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Le compte a été modifié entre-temps : recommencez." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Code ou jeton invalide." };
}
