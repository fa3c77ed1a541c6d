using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        // Deleting an account deletes its sessions with it.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.ToTable("LoginFailures");
        builder.HasKey(f => new { f.LoginHash, f.ClientNetwork });
        builder.Property(f => f.LoginHash).HasMaxLength(64);
        builder.Property(f => f.ClientNetwork).HasMaxLength(64);
        // Old rows are forgotten by age (LoginFailureCounter).
        builder.HasIndex(f => f.LastFailedAt);
    }
}
